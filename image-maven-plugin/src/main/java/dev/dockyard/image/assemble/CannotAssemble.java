package dev.dockyard.image.assemble;

/**
 * The final stage needs something the assembler does not do (a {@code RUN}, a base image the engine must pull, a
 * copied symbolic link...): the engine builds it instead. The message names the instruction and its line.
 */
public final class CannotAssemble extends Exception {

    private static final long serialVersionUID = 1L;

    public CannotAssemble(String reason) {
        super(reason);
    }
}
