package org.sciplat.token.core.scope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** The scope catalogue as the application ships it, read from token-core's own microprofile-config.properties. */
public final class ShippedScopes {

    private ShippedScopes() {
    }

    public static ScopeCatalogue catalogue() {
        ScopeCatalogue catalogue = new ScopeCatalogue();
        catalogue.config = new PropertiesConfig(shipped());
        catalogue.load();
        return catalogue;
    }

    private static Properties shipped() {
        Properties properties = new Properties();
        try (InputStream in = ShippedScopes.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Strings and comma-separated lists of strings: all the catalogue asks of its configuration. */
    private record PropertiesConfig(Properties properties) implements Config {

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            Optional<String> value = Optional.ofNullable(properties.getProperty(name)).filter(v -> !v.isEmpty());
            if (type == String.class) {
                return value.map(type::cast);
            }
            if (type == String[].class) {
                return value.map(v -> type.cast(v.split(",")));
            }
            throw new UnsupportedOperationException(type.getName());
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseGet(() -> type.isArray()
                    ? type.cast(Array.newInstance(type.getComponentType(), 0)) : null);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return properties.stringPropertyNames();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
