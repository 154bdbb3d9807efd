package dev.dockyard.image.modules;

import java.util.List;

/**
 * What a scan found.
 *
 * @param modules the modules for {@code jlink --add-modules}, sorted: the modules the class files use and those the
 *     rules add, without those another one of the list already requires transitively ({@code jlink} adds every
 *     module they require); always holds {@code java.base}
 * @param closure the same modules closed over {@code requires}: what the runtime will hold
 * @param reasons one line per module a rule added (module, then why)
 * @param warnings one line per jar that could not be read in full, naming it
 */
public record ModuleScan(List<String> modules, List<String> closure, List<String> reasons, List<String> warnings) {

    public ModuleScan {
        modules = List.copyOf(modules);
        closure = List.copyOf(closure);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
