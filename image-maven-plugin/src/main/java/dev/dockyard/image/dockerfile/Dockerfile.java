package dev.dockyard.image.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile: parser directives, comments, instructions in order and the stage graph.
 * Create one with {@link DockerfileParser#parse(String, String)}.
 */
public final class Dockerfile {

    private final String path;
    private final Map<String, String> directives;
    private final char escape;
    private final List<Comment> comments;
    private final List<Instruction> instructions;
    private final List<Instruction> globalArgs;
    private final List<Stage> stages;

    Dockerfile(
            String path,
            Map<String, String> directives,
            char escape,
            List<Comment> comments,
            List<Instruction> instructions,
            List<Instruction> globalArgs,
            List<Stage> stages) {
        this.path = path;
        this.directives = Map.copyOf(directives);
        this.escape = escape;
        this.comments = List.copyOf(comments);
        this.instructions = List.copyOf(instructions);
        this.globalArgs = List.copyOf(globalArgs);
        this.stages = List.copyOf(stages);
    }

    /** @return the path used in positions and findings */
    public String path() {
        return path;
    }

    /** @return parser directives by lower-case name ({@code escape}, {@code syntax}, {@code check}) */
    public Map<String, String> directives() {
        return directives;
    }

    /** @return the escape character: {@code \} or a backtick */
    public char escape() {
        return escape;
    }

    /** @return every comment line, directives excluded */
    public List<Comment> comments() {
        return comments;
    }

    /** @return every instruction in source order */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** @return the {@code ARG} instructions before the first {@code FROM} */
    public List<Instruction> globalArgs() {
        return globalArgs;
    }

    /** @return the stages in order; never empty */
    public List<Stage> stages() {
        return stages;
    }

    /** @return the last stage, the one {@code docker build} produces without {@code --target} */
    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** @return the stage named {@code name} (case-insensitive) or with that index, or {@code null} */
    public Stage stage(String name) {
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        if (!name.isEmpty() && name.length() < 4 && name.chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(name);
            return i < stages.size() ? stages.get(i) : null;
        }
        return null;
    }
}
