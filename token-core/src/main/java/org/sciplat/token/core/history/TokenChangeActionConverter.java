package org.sciplat.token.core.history;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;
import org.sciplat.token.core.token.TokenChangeAction;

@Converter(autoApply = true)
public class TokenChangeActionConverter implements AttributeConverter<TokenChangeAction, String> {

    @Override
    public String convertToDatabaseColumn(TokenChangeAction action) {
        return action == null ? null : action.wireName();
    }

    @Override
    public TokenChangeAction convertToEntityAttribute(String column) {
        return column == null ? null : TokenChangeAction.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
