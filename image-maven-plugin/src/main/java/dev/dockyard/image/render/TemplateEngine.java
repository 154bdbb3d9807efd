package dev.dockyard.image.render;

import static dev.dockyard.image.support.CoreException.mention;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Freemarker configuration over an ordered list of template directories followed by the bundled catalog.
 * Square-bracket syntax ({@code [=x]}, {@code [#if]}) so that Dockerfile {@code ${VAR}} passes through untouched.
 * Thread-safe: a configuration is shared by the modules of a build that use the same directories.
 *
 * <p>Templates are data, whoever wrote them: {@code ?new} can instantiate no class (so no
 * {@code freemarker.template.utility.Execute}), {@code ?api} is off, and the object wrapper exposes the data model's
 * strings, numbers, booleans, lists and maps only, never a Java object's methods. A render ends with one message
 * naming the template when it writes more than {@link #MAX_OUTPUT} characters or recurses without end.
 */
public final class TemplateEngine {

    /** Classpath folder of the bundled catalog. */
    static final String CATALOG_PATH = "/dev/dockyard/image/templates";

    /** The most characters a rendered Dockerfile may have: far above any real one, far below what hurts a build. */
    static final int MAX_OUTPUT = 1 << 20;

    private final List<Path> directories;
    private final Configuration configuration;

    TemplateEngine(List<Path> directories) throws IOException {
        this.directories = List.copyOf(directories);
        List<TemplateLoader> loaders = new ArrayList<>();
        for (Path directory : this.directories) {
            loaders.add(new FileTemplateLoader(directory.toFile()));
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, CATALOG_PATH));
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setTemplateUpdateDelayMilliseconds(0);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_33));
        this.configuration = cfg;
    }

    /**
     * Renders {@code name} with {@code model}.
     *
     * @param baseDirectory the module directory, to show template paths relative to it
     */
    String render(String name, Map<String, Object> model, Path baseDirectory) throws RenderException, IOException {
        Template template;
        try {
            template = configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new RenderException("Template '" + name + "' not found. Looked in " + searchPath(baseDirectory)
                    + ". Set " + mention("template") + " to a catalog name (" + String.join(", ", Catalog.NAMES)
                    + ") or to the path of a .ftl file.");
        } catch (ParseException e) {
            throw new RenderException(
                    location(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), baseDirectory)
                            + ": syntax error: " + e.getEditorMessage().strip());
        }
        BoundedWriter out = new BoundedWriter(MAX_OUTPUT);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            // not chained: Maven would print Freemarker's long message and tips after ours
            throw new RenderException(describe(e, baseDirectory));
        } catch (OutputTooLong e) {
            throw new RenderException(display(name, baseDirectory) + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new RenderException(display(name, baseDirectory) + ": the template recursed without end (a macro,"
                    + " function or #include that calls itself with no way out): give the recursion an end.");
        }
        return out.toString();
    }

    /** The render wrote more than {@link #MAX_OUTPUT} characters. */
    private static final class OutputTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        OutputTooLong(String message) {
            super(message);
        }
    }

    /** Collects the output and stops the render, where it is, once it has more than {@code limit} characters. */
    private static final class BoundedWriter extends Writer {
        private final StringWriter text = new StringWriter();
        private final int limit;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            if (text.getBuffer().length() + length > limit) {
                throw new OutputTooLong("the rendered Dockerfile would be longer than " + limit + " characters (a"
                        + " #list or a loop that does not end?)");
            }
            text.write(buffer, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private String describe(TemplateException e, Path baseDirectory) {
        String where = location(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber(), baseDirectory);
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            String name = e.getBlamedExpressionString();
            return where + ": '" + name + "' is not defined in the data model. Use a name listed in the"
                    + " templates README, or give a default for an optional value: [=" + name + "!\"\"] or [#if "
                    + name + "??]…[/#if].";
        }
        String message = e.getMessageWithoutStackTop();
        int tip = message.indexOf("\n----");
        if (tip >= 0) {
            message = message.substring(0, tip);
        }
        return where + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** @return {@code path:line:column} of a template, the path relative to the module when it is inside it. */
    String location(String templateName, Integer line, Integer column, Path baseDirectory) {
        return display(templateName, baseDirectory) + ":" + (line == null ? "?" : line) + ":"
                + (column == null ? "?" : column);
    }

    /** @return where {@code templateName} is found: a file path, or the name in the bundled catalog. */
    String display(String templateName, Path baseDirectory) {
        if (templateName == null) {
            return "<template>";
        }
        for (Path directory : directories) {
            Path file = directory.resolve(templateName);
            if (Files.isRegularFile(file)) {
                Path absolute = file.toAbsolutePath().normalize();
                Path base = baseDirectory.toAbsolutePath().normalize();
                return (absolute.startsWith(base) ? base.relativize(absolute) : absolute)
                        .toString()
                        .replace(File.separatorChar, '/');
            }
        }
        return "bundled template " + templateName;
    }

    private String searchPath(Path baseDirectory) {
        List<String> places = new ArrayList<>();
        for (Path directory : directories) {
            Path absolute = directory.toAbsolutePath().normalize();
            Path base = baseDirectory.toAbsolutePath().normalize();
            places.add((absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString() + "/");
        }
        places.add("the bundled catalog");
        return String.join(", ", places);
    }
}
