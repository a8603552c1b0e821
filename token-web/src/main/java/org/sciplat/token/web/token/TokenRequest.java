package org.sciplat.token.web.token;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a token form asks for: a name, a description, scopes and an expiry. token-core checks every rule when it
 * is sent.
 */
public class TokenRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String description;
    private List<String> scopes = new ArrayList<>();
    private Expiry expiry = Expiry.MONTH;
    private LocalDate date;

    /** When the token expires if it is created now; null for never. */
    public Instant expires() {
        return expiry.at(Instant.now(), date);
    }

    public boolean isOnDate() {
        return expiry == Expiry.DATE;
    }

    public Expiry[] getExpiries() {
        return Expiry.values();
    }

    /** The earliest date the date picker offers: today, a token valid until tonight. */
    public LocalDate getToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The last valid day is today or later; the browser's field says so too, but a sent form is checked here. */
    public void validateDate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof LocalDate day && day.isBefore(getToday())) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Choose today or a later day", null));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public Expiry getExpiry() {
        return expiry;
    }

    public void setExpiry(Expiry expiry) {
        this.expiry = expiry;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
