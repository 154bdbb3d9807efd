package dev.dockyard.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's {@code WWW-Authenticate} challenge: {@code Basic realm="..."} or
 * {@code Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a:pull"}.
 *
 * @param scheme     {@code basic} or {@code bearer} (lower case)
 * @param parameters the parameters, names in lower case
 */
record Challenge(String scheme, Map<String, String> parameters) {

    Challenge {
        parameters = Map.copyOf(parameters);
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    String realm() {
        return parameters.get("realm");
    }

    String service() {
        return parameters.get("service");
    }

    /** The first challenge of a {@code WWW-Authenticate} header, or empty when it has none. */
    static Optional<Challenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++; // the closing quote
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.put(name, value.toString().strip());
        }
        return Optional.of(new Challenge(scheme, parameters));
    }
}
