package dev.dockyard.image.modules;

import java.util.List;

/**
 * What a scan found.
 *
 * @param modules the modules for {@code jlink --add-modules}, sorted: the modules the class files use and those the
 *     rules add, without those another one of the list already requires transitively ({@code jlink} adds every
 *     module they require); always holds {@code java.base}
 * @param closure the same modules closed over {@code requires}: what the runtime will hold
 * @param explanation one line per module of {@code closure}, in its order: the module, the kind of reason
 *     ({@code class reference}, {@code module descriptor}, {@code rule}, {@code reflection rule}, {@code JVM option},
 *     {@code setting}, {@code always added}, {@code required by} another module) and the first jar and class that
 *     needs it
 * @param warnings one line per jar that could not be read in full, naming it
 * @param leftOut one line per module that classes of the jars name but that is not linked, because nothing the
 *     application can load names it: the module and, in brackets, what would have linked it
 */
public record ModuleScan(
        List<String> modules,
        List<String> closure,
        List<String> explanation,
        List<String> warnings,
        List<String> leftOut) {

    public ModuleScan {
        modules = List.copyOf(modules);
        closure = List.copyOf(closure);
        explanation = List.copyOf(explanation);
        warnings = List.copyOf(warnings);
        leftOut = List.copyOf(leftOut);
    }

    /** A scan that left nothing out. */
    public ModuleScan(List<String> modules, List<String> closure, List<String> explanation, List<String> warnings) {
        this(modules, closure, explanation, warnings, List.of());
    }

    /** @return this scan, with {@code lines} as {@link #leftOut()} */
    ModuleScan leaving(List<String> lines) {
        return new ModuleScan(modules, closure, explanation, warnings, lines);
    }
}
