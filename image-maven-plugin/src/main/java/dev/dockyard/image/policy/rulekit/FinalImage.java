package dev.dockyard.image.policy.rulekit;

import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;

/** What ends up in the image {@code docker build} produces: the final stage and the stages it is built {@code FROM}. */
public final class FinalImage {

    private FinalImage() {}

    /** @return the final stage first, then the stage it builds on, and so on */
    public static List<Stage> chain(Dockerfile file) {
        List<Stage> out = new ArrayList<>();
        Stage s = file.finalStage();
        while (s != null && !out.contains(s)) {
            out.add(s);
            s = s.baseStage();
        }
        return out;
    }

    /** @return the instruction with keyword {@code kw} that takes effect in the final image, or {@code null} */
    public static Instruction effective(Dockerfile file, String kw) {
        for (Stage s : chain(file)) {
            Instruction i = s.last(kw);
            if (i != null) {
                return i;
            }
        }
        return null;
    }
}
