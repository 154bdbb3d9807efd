package dev.dockyard.image.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A build stage: its {@code FROM}, its instructions and the stages it depends on.
 */
public final class Stage {

    private final int index;
    private final String name;
    private final Instruction from;
    private final String baseName;
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Integer> dependencies = new ArrayList<>();
    private Stage baseStage;

    Stage(int index, String name, Instruction from, String baseName) {
        this.index = index;
        this.name = name;
        this.from = from;
        this.baseName = baseName;
        this.instructions.add(from);
    }

    void add(Instruction instruction) {
        instructions.add(instruction);
    }

    void baseStage(Stage stage) {
        this.baseStage = stage;
        dependsOn(stage.index);
    }

    void dependsOn(int stageIndex) {
        if (!dependencies.contains(stageIndex)) {
            dependencies.add(stageIndex);
        }
    }

    /** @return 0-based position of the stage */
    public int index() {
        return index;
    }

    /** @return the name given with {@code AS}, lower case, or {@code null} */
    public String name() {
        return name;
    }

    /** @return the name or, without one, the index as text (how {@code COPY --from} refers to it) */
    public String displayName() {
        return name != null ? name : Integer.toString(index);
    }

    /** @return the {@code FROM} instruction */
    public Instruction from() {
        return from;
    }

    /**
     * @return the base image as written after variable substitution, e.g. {@code eclipse-temurin:21-jre}; the
     *         unexpanded text when it uses a variable that is undeclared or has no default (known only at build time)
     */
    public String baseName() {
        return baseName != null ? baseName : from.arguments().trim().split("\\s+")[0];
    }

    /** @return {@code false} when the base image name uses a variable whose value is known only at build time */
    public boolean resolved() {
        return baseName != null;
    }

    /**
     * @return the base image reference, or {@code null} when the base is an earlier stage or the name still
     *         contains an unresolved variable
     */
    public ImageRef baseImage() {
        if (baseStage != null || baseName == null || baseName.isEmpty()) {
            return null;
        }
        return ImageRef.parse(baseName);
    }

    /** @return the earlier stage this one builds on ({@code FROM build}), or {@code null} */
    public Stage baseStage() {
        return baseStage;
    }

    /** @return {@code FROM} followed by the stage's instructions */
    public List<Instruction> instructions() {
        return Collections.unmodifiableList(instructions);
    }

    /** @return the indexes of stages this one uses via {@code FROM}, {@code COPY --from} or {@code RUN --mount=from=} */
    public List<Integer> dependencies() {
        return Collections.unmodifiableList(dependencies);
    }

    /** @return the instructions with keyword {@code kw} (any case), in order */
    public List<Instruction> all(String kw) {
        String k = kw.toUpperCase(Locale.ROOT);
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals(k)) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return the last instruction with keyword {@code kw} in this stage, or {@code null} */
    public Instruction last(String kw) {
        List<Instruction> all = all(kw);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
