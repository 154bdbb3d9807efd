package dev.dockyard.image.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.List;

/** Functions the data model offers templates for writing values into a Dockerfile safely. */
final class TemplateFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateFunctions() {}

    /**
     * {@code [=quote(value)]}: a double-quoted Dockerfile word for {@code LABEL} and {@code ENV}, with {@code "},
     * {@code \} and {@code $} escaped (so no variable is substituted) and line breaks folded to spaces.
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * {@code [=sh(value)]}: one single-quoted word for a shell command of a {@code RUN} instruction: nothing in it is
     * expanded, split or run ({@code '} is written as {@code '\''}).
     */
    static String sh(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** {@code [=execForm(list)]}: a JSON array for the exec form of {@code ENTRYPOINT}, {@code CMD}, {@code RUN}. */
    static String execForm(List<?> words) {
        List<String> parts = new ArrayList<>();
        for (Object word : words) {
            try {
                parts.add(JSON.writeValueAsString(String.valueOf(word)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A string always serializes", e);
            }
        }
        return "[" + String.join(", ", parts) + "]";
    }

    static final TemplateMethodModelEx QUOTE = arguments -> quote(String.valueOf(single(arguments, "quote")));

    static final TemplateMethodModelEx SH = arguments -> sh(String.valueOf(single(arguments, "sh")));

    static final TemplateMethodModelEx EXEC_FORM = arguments -> {
        Object value = single(arguments, "execForm");
        if (!(value instanceof List<?> list)) {
            throw new TemplateModelException("execForm(…) takes a list, e.g. [=execForm([\"java\", \"-version\"])]");
        }
        return execForm(list);
    };

    private static Object single(List<?> arguments, String name) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException(name + "(…) takes exactly one argument, got " + arguments.size());
        }
        return DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
    }
}
