package org.sciplat.tap.service.upload;

import java.io.InputStream;
import org.sciplat.token.core.io.BoundedInputStream;

/** An uploaded table's bytes, refused once there are more than the limit. */
final class LimitedInputStream extends BoundedInputStream {

    LimitedInputStream(InputStream in, long limit, String table) {
        super(in, limit, max -> new UploadRefusedException("UPLOAD " + table + " is larger than " + max
                + " bytes, the most a table may be"));
    }
}
