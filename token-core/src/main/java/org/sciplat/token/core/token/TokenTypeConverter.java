package org.sciplat.token.core.token;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class TokenTypeConverter implements AttributeConverter<TokenType, String> {

    @Override
    public String convertToDatabaseColumn(TokenType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public TokenType convertToEntityAttribute(String column) {
        return column == null ? null : TokenType.fromWireName(column)
                .orElseThrow(() -> new IllegalStateException("Unknown token type in the database: " + column));
    }
}
