/**
 * The Java modules an application needs at run time, from a class-file scan of its jars: every class, descriptor,
 * signature, annotation and bootstrap method its class files name is mapped to the JDK module that holds its
 * package, the result is closed over the modules' {@code requires}, and a documented set of rules adds the modules
 * that are only reached by reflection or service loading ({@link dev.dockyard.image.modules.ImplicitModules}). When
 * the main class is known, only the classes code can load from it and from the application's own jars count
 * ({@link dev.dockyard.image.modules.Reachability}); what only other classes need is reported as left out.
 *
 * <p>{@link dev.dockyard.image.modules.ModuleScanner} is the entry point. It caches what it learns about a jar by the
 * jar's content, for the lifetime of the scanner (one build), and in a file of the module's work directory, so that an
 * unchanged library is read once per build and an unchanged module costs a file read. It never fails on a jar: an
 * unreadable jar or class file gives one warning naming the jar.
 */
package dev.dockyard.image.modules;
