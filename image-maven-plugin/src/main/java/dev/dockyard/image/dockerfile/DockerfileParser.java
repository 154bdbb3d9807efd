package dev.dockyard.image.dockerfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text the way BuildKit's front end does: parser directives ({@code # escape=},
 * {@code # syntax=}, {@code # check=}), line continuations with the escape character, comments and blank lines
 * inside continuations, here-documents ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}), exec and shell forms,
 * instruction flags, {@code FROM ... AS name}, build variables and case-insensitive keywords.
 *
 * <p>Thread-safe and stateless: every call parses independently. Malformed input raises
 * {@link DockerfileSyntaxException} with the line and column; no other exception escapes.
 */
public final class DockerfileParser {

    /** Instruction keywords (upper case). */
    public static final Set<String> KEYWORDS = Set.of(
            "ADD",
            "ARG",
            "CMD",
            "COPY",
            "ENTRYPOINT",
            "ENV",
            "EXPOSE",
            "FROM",
            "HEALTHCHECK",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "RUN",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR");

    /** Build arguments Docker defines without an {@code ARG} (usable in {@code FROM}). */
    public static final Set<String> PREDEFINED_ARGS = Set.of(
            "TARGETPLATFORM",
            "TARGETOS",
            "TARGETARCH",
            "TARGETVARIANT",
            "BUILDPLATFORM",
            "BUILDOS",
            "BUILDARCH",
            "BUILDVARIANT",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "FTP_PROXY",
            "NO_PROXY",
            "ALL_PROXY",
            "http_proxy",
            "https_proxy",
            "ftp_proxy",
            "no_proxy",
            "all_proxy");

    /** Allowed flags per keyword; {@code true} marks a boolean flag that needs no value. */
    private static final Map<String, Map<String, Boolean>> FLAGS = Map.of(
            "FROM", Map.of("platform", false),
            "RUN", Map.of("mount", false, "network", false, "security", false),
            "COPY",
                    Map.of(
                            "from", false, "chown", false, "chmod", false, "link", true, "parents", true, "exclude",
                            false),
            "ADD",
                    Map.of(
                            "chown",
                            false,
                            "chmod",
                            false,
                            "link",
                            true,
                            "checksum",
                            false,
                            "keep-git-dir",
                            true,
                            "exclude",
                            false,
                            "unpack",
                            true),
            "HEALTHCHECK",
                    Map.of(
                            "interval",
                            false,
                            "timeout",
                            false,
                            "start-period",
                            false,
                            "start-interval",
                            false,
                            "retries",
                            false));

    private static final Set<String> EXPANDING =
            Set.of("ADD", "COPY", "ENV", "EXPOSE", "FROM", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG");

    private static final Set<String> JSON_CAPABLE =
            Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");

    private static final Set<String> HEREDOC_CAPABLE = Set.of("RUN", "COPY", "ADD");

    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");

    private static final Pattern DIRECTIVE = Pattern.compile("[ \\t]*#[ \\t]*([A-Za-z][A-Za-z0-9_-]*)[ \\t]*=(.*)");

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private static final int MAX_STAGE_DIGITS = 4;

    private final String path;
    private final String[] lines;
    private final Map<String, String> directives = new LinkedHashMap<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Instruction> globalArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, String> metaArgs = new HashMap<>();
    private final Map<String, String> buildArgs;
    private Map<String, String> stageVars = new HashMap<>();
    private Map<String, String> stageEnv = new HashMap<>();
    private final Map<Integer, Map<String, String>> envByStage = new HashMap<>();
    private char escape = '\\';
    private int pos;

    private DockerfileParser(String path, String content, Map<String, String> buildArgs) {
        this.path = path;
        this.buildArgs = Map.copyOf(buildArgs);
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        this.lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
    }

    /**
     * Parses a Dockerfile.
     *
     * @param path    path used in positions, e.g. {@code Dockerfile} or {@code src/main/docker/Dockerfile}
     * @param content the file's text
     * @return the parsed file with at least one stage
     * @throws DockerfileSyntaxException when the text is not a valid Dockerfile
     */
    public static Dockerfile parse(String path, String content) throws DockerfileSyntaxException {
        return parse(path, content, Map.of());
    }

    /**
     * Reads a Dockerfile's text as Docker does, as UTF-8; a byte that is not UTF-8 is an error at its line and column
     * (the JDK would say only "Input length = 1").
     *
     * @param file the file
     * @param path its path as messages show it
     * @throws DockerfileSyntaxException when the file is not UTF-8 text
     */
    public static String read(Path file, String path) throws IOException, DockerfileSyntaxException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new DockerfileSyntaxException(
                    path,
                    line,
                    new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1,
                    String.format(
                            Locale.ROOT,
                            "the byte 0x%02X is not UTF-8: save the Dockerfile as UTF-8 (Docker reads it as UTF-8)",
                            bytes[at] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Parses a Dockerfile as {@code docker build --build-arg NAME=value ...} reads it: a build argument gives its
     * value to the {@code ARG} of that name (before the first {@code FROM}, where {@code FROM ${NAME}} sees it, and
     * in a stage), instead of the {@code ARG}'s default. A build argument no {@code ARG} declares is not seen.
     *
     * @param path      path used in positions
     * @param content   the file's text
     * @param buildArgs build arguments by name
     * @return the parsed file with at least one stage
     * @throws DockerfileSyntaxException when the text is not a valid Dockerfile
     */
    public static Dockerfile parse(String path, String content, Map<String, String> buildArgs)
            throws DockerfileSyntaxException {
        return new DockerfileParser(path, content, buildArgs).run();
    }

    private Dockerfile run() throws DockerfileSyntaxException {
        readDirectives();
        while (true) {
            skipBlankAndCommentLines();
            if (pos >= lines.length) {
                break;
            }
            readInstruction(leadingWhitespace(lines[pos]));
        }
        if (instructions.isEmpty()) {
            throw error(1, 1, "file with no instructions");
        }
        if (stages.isEmpty()) {
            Instruction first = instructions.get(0);
            throw error(first.line(), first.column(), "no FROM instruction: a Dockerfile needs at least one stage");
        }
        return new Dockerfile(path, directives, escape, comments, instructions, globalArgs, stages);
    }

    private void readDirectives() throws DockerfileSyntaxException {
        while (pos < lines.length) {
            Matcher m = DIRECTIVE.matcher(lines[pos]);
            if (!m.matches()) {
                return;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!DIRECTIVE_NAMES.contains(key)) {
                return;
            }
            int col = lines[pos].indexOf('#') + 1;
            if (directives.containsKey(key)) {
                throw error(pos + 1, col, "only one '" + key + "' parser directive can be used");
            }
            String value = m.group(2).strip();
            if (key.equals("escape")) {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw error(pos + 1, col, "invalid escape character '" + value + "': use \\ or `");
                }
                escape = value.charAt(0);
            }
            directives.put(key, value);
            pos++;
        }
    }

    private void readInstruction(int ws) throws DockerfileSyntaxException {
        int startLine = pos + 1;
        int startCol = ws + 1;
        StringBuilder logical = new StringBuilder();
        String cur = lines[pos].substring(ws);
        while (true) {
            int end = cur.length();
            while (end > 0 && (cur.charAt(end - 1) == ' ' || cur.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end == 0 || cur.charAt(end - 1) != escape) {
                logical.append(cur);
                pos++;
                break;
            }
            logical.append(cur, 0, end - 1);
            pos++;
            skipBlankAndCommentLines();
            if (pos >= lines.length) {
                break;
            }
            cur = lines[pos];
        }
        int endLine = Math.min(pos, lines.length);
        String text = logical.toString();
        int kwEnd = 0;
        while (kwEnd < text.length() && !Character.isWhitespace(text.charAt(kwEnd))) {
            kwEnd++;
        }
        String word = text.substring(0, kwEnd);
        String keyword = word.toUpperCase(Locale.ROOT);
        if (!KEYWORDS.contains(keyword)) {
            throw error(startLine, startCol, "unknown instruction: " + abbreviate(word));
        }
        String rest = text.substring(kwEnd).trim();
        List<Heredoc> heredocs = new ArrayList<>();
        if (HEREDOC_CAPABLE.contains(keyword)) {
            for (String[] marker : heredocMarkers(rest)) {
                heredocs.add(readHeredoc(marker, startLine, startCol));
            }
            endLine = Math.min(pos, lines.length);
        }
        build(keyword, startLine, startCol, Math.max(endLine, startLine), rest, heredocs);
    }

    private void skipBlankAndCommentLines() {
        while (pos < lines.length) {
            String next = lines[pos];
            int w = leadingWhitespace(next);
            if (w == next.length()) {
                pos++;
            } else if (next.charAt(w) == '#') {
                comments.add(new Comment(pos + 1, w + 1, next.substring(w + 1).trim()));
                pos++;
            } else {
                return;
            }
        }
    }

    /** @return markers as {delimiter, "-" or "", quote or ""} */
    private List<String[]> heredocMarkers(String rest) {
        List<String[]> markers = new ArrayList<>();
        boolean sq = false;
        boolean dq = false;
        int n = rest.length();
        for (int j = 0; j < n; j++) {
            char c = rest.charAt(j);
            if (c == escape && !sq) {
                j++;
                continue;
            }
            if (c == '\'' && !dq) {
                sq = !sq;
                continue;
            }
            if (c == '"' && !sq) {
                dq = !dq;
                continue;
            }
            if (sq || dq || c != '<' || j + 1 >= n || rest.charAt(j + 1) != '<' || !wordStart(rest, j)) {
                continue;
            }
            int k = j + 2;
            if (k < n && rest.charAt(k) == '<') {
                j = k;
                continue;
            }
            boolean strip = k < n && rest.charAt(k) == '-';
            if (strip) {
                k++;
            }
            char quote = k < n && (rest.charAt(k) == '"' || rest.charAt(k) == '\'') ? rest.charAt(k) : 0;
            if (quote != 0) {
                k++;
            }
            int nameStart = k;
            while (k < n && !Character.isWhitespace(rest.charAt(k)) && "\"';|&<>()".indexOf(rest.charAt(k)) < 0) {
                k++;
            }
            String name = rest.substring(nameStart, k);
            if (name.isEmpty() || (quote != 0 && (k >= n || rest.charAt(k) != quote))) {
                j = Math.max(j + 1, k - 1);
                continue;
            }
            markers.add(new String[] {name, strip ? "-" : "", quote != 0 ? String.valueOf(quote) : ""});
            j = quote != 0 ? k : k - 1;
        }
        return markers;
    }

    /** A heredoc marker must begin a word, optionally after a file-descriptor number. */
    private static boolean wordStart(String rest, int j) {
        int b = j;
        while (b > 0 && Character.isDigit(rest.charAt(b - 1))) {
            b--;
        }
        return b == 0 || Character.isWhitespace(rest.charAt(b - 1));
    }

    private Heredoc readHeredoc(String[] marker, int line, int col) throws DockerfileSyntaxException {
        String delimiter = marker[0];
        boolean strip = !marker[1].isEmpty();
        int bodyLine = pos + 1;
        StringBuilder body = new StringBuilder();
        while (pos < lines.length) {
            String raw = lines[pos++];
            String l = strip ? stripLeadingTabs(raw) : raw;
            if (l.equals(delimiter) || l.stripTrailing().equals(delimiter)) {
                return new Heredoc(delimiter, body.toString(), strip, !marker[2].isEmpty(), bodyLine);
            }
            body.append(l).append('\n');
        }
        throw error(
                line,
                col,
                "unterminated here-document: no line '" + abbreviate(delimiter) + "' before the end of the file");
    }

    private void build(String keyword, int line, int col, int endLine, String rest, List<Heredoc> heredocs)
            throws DockerfileSyntaxException {
        List<Flag> flags = new ArrayList<>();
        String args = parseFlags(keyword, rest, flags, line, col);
        if (args.isEmpty() && heredocs.isEmpty()) {
            throw error(line, col, keyword + " requires at least one argument");
        }
        boolean beforeFrom = stages.isEmpty();
        if (beforeFrom && !keyword.equals("FROM") && !keyword.equals("ARG")) {
            throw error(line, col, keyword + " before the first FROM: only ARG may precede FROM");
        }
        List<String> json = JSON_CAPABLE.contains(keyword) && args.startsWith("[") ? ShellWords.jsonArray(args) : null;
        String expanded = args;
        boolean resolved = true;
        if (EXPANDING.contains(keyword)) {
            Map<String, String> vars = keyword.equals("FROM") || beforeFrom ? fromVars() : stageVars;
            Substitution s = Substitution.expand(args, vars, escape);
            if (s.error() != null) {
                throw error(line, col, keyword + ": " + s.error());
            }
            expanded = s.value();
            resolved = s.resolved();
        }
        int stageIndex = keyword.equals("FROM") ? stages.size() : stages.size() - 1;
        Instruction ins =
                new Instruction(keyword, line, col, endLine, flags, args, expanded, json, heredocs, stageIndex);
        validate(ins, line, col);
        instructions.add(ins);
        if (keyword.equals("FROM")) {
            startStage(ins, resolved);
            return;
        }
        if (beforeFrom) {
            globalArgs.add(ins);
            declare(ins, metaArgs, null);
            return;
        }
        Stage stage = stages.get(stages.size() - 1);
        stage.add(ins);
        if (keyword.equals("ARG")) {
            declare(ins, stageVars, null);
        } else if (keyword.equals("ENV")) {
            declare(ins, stageVars, stageEnv);
        } else if (keyword.equals("COPY") || keyword.equals("RUN")) {
            recordDependencies(stage, ins);
        }
    }

    private String parseFlags(String keyword, String rest, List<Flag> flags, int line, int col)
            throws DockerfileSyntaxException {
        Map<String, Boolean> allowed = FLAGS.get(keyword);
        if (allowed == null) {
            return rest;
        }
        int p = 0;
        int n = rest.length();
        while (true) {
            while (p < n && Character.isWhitespace(rest.charAt(p))) {
                p++;
            }
            if (!(rest.startsWith("--", p) && p + 2 < n && Character.isLetter(rest.charAt(p + 2)))) {
                break;
            }
            int end = p;
            while (end < n && !Character.isWhitespace(rest.charAt(end))) {
                end++;
            }
            String token = rest.substring(p + 2, end);
            int eq = token.indexOf('=');
            String name = (eq < 0 ? token : token.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : unquote(token.substring(eq + 1));
            Boolean bool = allowed.get(name);
            if (bool == null) {
                throw error(line, col, "unknown flag for " + keyword + ": --" + abbreviate(name));
            }
            if (value == null && !bool) {
                throw error(line, col, keyword + " flag --" + name + " requires a value (--" + name + "=...)");
            }
            flags.add(new Flag(name, value));
            p = end;
        }
        return rest.substring(Math.min(p, n)).trim();
    }

    private void validate(Instruction ins, int line, int col) throws DockerfileSyntaxException {
        String kw = ins.keyword();
        String args = ins.arguments();
        switch (kw) {
            case "FROM": {
                List<String> words = splitWhitespace(args);
                if (!(words.size() == 1 || (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")))) {
                    throw error(line, col, "FROM requires either one or three arguments: FROM image [AS name]");
                }
                if (words.size() == 3 && !STAGE_NAME.matcher(words.get(2)).matches()) {
                    throw error(
                            line,
                            col,
                            "invalid stage name '" + abbreviate(words.get(2))
                                    + "': start with a letter, then letters, digits, '_', '.' or '-'");
                }
                break;
            }
            case "SHELL":
                if (ins.json() == null || ins.json().isEmpty()) {
                    throw error(
                            line,
                            col,
                            "SHELL requires its arguments as a non-empty JSON array, e.g. "
                                    + "SHELL [\"/bin/sh\", \"-c\"]");
                }
                break;
            case "HEALTHCHECK": {
                List<String> words = splitWhitespace(args);
                String first = words.get(0).toUpperCase(Locale.ROOT);
                if (first.equals("NONE")) {
                    if (words.size() > 1) {
                        throw error(line, col, "HEALTHCHECK NONE takes no other arguments");
                    }
                } else if (!first.equals("CMD") || words.size() < 2) {
                    throw error(line, col, "HEALTHCHECK requires NONE or CMD followed by a command");
                }
                break;
            }
            case "ENV":
            case "LABEL":
                keyValues(ins, line, col);
                break;
            case "ARG":
                for (String w : ShellWords.split(ins.expanded(), escape)) {
                    if (w.isEmpty() || w.startsWith("=")) {
                        throw error(line, col, "ARG names can not be blank");
                    }
                }
                break;
            case "COPY":
            case "ADD": {
                int count = ins.json() != null
                        ? ins.json().size()
                        : ShellWords.split(args, escape).size();
                if (ins.heredocs().isEmpty() && count < 2) {
                    throw error(line, col, kw + " requires at least two arguments: source(s) and destination");
                }
                break;
            }
            case "ONBUILD": {
                String inner = splitWhitespace(args).get(0).toUpperCase(Locale.ROOT);
                if (!KEYWORDS.contains(inner)) {
                    throw error(line, col, "unknown instruction in ONBUILD: " + abbreviate(inner));
                }
                if (inner.equals("ONBUILD") || inner.equals("FROM") || inner.equals("MAINTAINER")) {
                    throw error(line, col, inner + " is not allowed as an ONBUILD trigger");
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * Splits {@code ENV}/{@code LABEL} arguments into key/value pairs.
     *
     * @return keys in order mapped to their values
     */
    static Map<String, String> keyValues(Instruction ins, int line, int col, char escape, String path)
            throws DockerfileSyntaxException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> words = ShellWords.split(ins.expanded(), escape);
        if (words.isEmpty()) {
            throw new DockerfileSyntaxException(path, line, col, ins.keyword() + " requires at least one argument");
        }
        String rawFirst = splitWhitespace(ins.arguments()).get(0);
        if (!rawFirst.contains("=")) {
            // legacy form: ENV key value with spaces
            if (words.size() < 2) {
                throw new DockerfileSyntaxException(
                        path,
                        line,
                        col,
                        ins.keyword() + " " + abbreviate(words.get(0)) + " has no value: use " + ins.keyword()
                                + " key=value");
            }
            out.put(words.get(0), String.join(" ", words.subList(1, words.size())));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new DockerfileSyntaxException(
                        path, line, col, ins.keyword() + " '" + abbreviate(w) + "' is not of the form key=value");
            }
            if (eq == 0) {
                throw new DockerfileSyntaxException(path, line, col, ins.keyword() + " names can not be blank");
            }
            out.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return out;
    }

    private Map<String, String> keyValues(Instruction ins, int line, int col) throws DockerfileSyntaxException {
        return keyValues(ins, line, col, escape, path);
    }

    private Map<String, String> fromVars() {
        Map<String, String> vars = new HashMap<>(metaArgs);
        for (String p : PREDEFINED_ARGS) {
            vars.putIfAbsent(p, null);
        }
        return vars;
    }

    private void declare(Instruction ins, Map<String, String> vars, Map<String, String> env)
            throws DockerfileSyntaxException {
        if (ins.is("ENV")) {
            Map<String, String> kv = keyValues(ins, ins.line(), ins.column());
            vars.putAll(kv);
            env.putAll(kv);
            return;
        }
        for (String w : ShellWords.split(ins.expanded(), escape)) {
            int eq = w.indexOf('=');
            String name = eq < 0 ? w : w.substring(0, eq);
            if (buildArgs.containsKey(name)) {
                vars.put(name, buildArgs.get(name));
            } else if (eq < 0) {
                String inherited = metaArgs.get(w);
                if (vars != metaArgs || !vars.containsKey(w)) {
                    vars.put(w, vars == metaArgs ? null : inherited);
                }
            } else {
                vars.put(name, w.substring(eq + 1));
            }
        }
    }

    private void startStage(Instruction from, boolean resolved) {
        List<String> raw = splitWhitespace(from.arguments());
        String base = splitWhitespace(from.expanded()).get(0);
        String name = raw.size() == 3 ? raw.get(2).toLowerCase(Locale.ROOT) : null;
        Stage stage = new Stage(stages.size(), name, from, resolved ? base : null);
        stageVars = new HashMap<>();
        stageEnv = new HashMap<>();
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(base)) {
                stage.baseStage(s);
                Map<String, String> inherited = envByStage.get(s.index());
                stageVars.putAll(inherited);
                stageEnv.putAll(inherited);
            }
        }
        envByStage.put(stage.index(), stageEnv);
        stages.add(stage);
    }

    private void recordDependencies(Stage stage, Instruction ins) {
        List<String> refs = new ArrayList<>();
        if (ins.is("COPY") && ins.flag("from") != null) {
            refs.add(ins.flag("from"));
        }
        for (Flag f : ins.flags()) {
            if (f.name().equals("mount") && f.value() != null) {
                for (String part : f.value().split(",")) {
                    if (part.startsWith("from=")) {
                        refs.add(part.substring(5));
                    }
                }
            }
        }
        for (String ref : refs) {
            for (Stage s : stages) {
                if (s.index() < stage.index()
                        && (ref.equalsIgnoreCase(s.name())
                                || ref.equals(Integer.toString(s.index())) && ref.length() <= MAX_STAGE_DIGITS)) {
                    stage.dependsOn(s.index());
                }
            }
        }
    }

    private static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String stripLeadingTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') {
            i++;
        }
        return s.substring(i);
    }

    private static int leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length()
                && (line.charAt(i) == ' '
                        || line.charAt(i) == '\t'
                        || line.charAt(i) == '\f'
                        || line.charAt(i) == '\u000B')) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private DockerfileSyntaxException error(int line, int col, String message) {
        return new DockerfileSyntaxException(path, line, col, message);
    }
}
