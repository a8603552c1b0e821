package org.sciplat.token.api.error;

import java.util.List;

/** {@code {"detail":[{"loc":[...],"msg":"...","type":"..."}]}}, the error shape the platform's clients parse. */
public record ErrorBody(List<Detail> detail) {

    public record Detail(List<String> loc, String msg, String type) {
    }

    public static ErrorBody of(String msg, String type, String... loc) {
        return new ErrorBody(List.of(new Detail(List.of(loc), msg, type)));
    }
}
