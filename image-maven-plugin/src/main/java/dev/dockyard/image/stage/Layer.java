package dev.dockyard.image.stage;

/**
 * The layers of a staged build context, in image order: least to most often changed. Each layer is a directory
 * of the context ({@code layers/<name>}) copied to its own directory in the image.
 */
public enum Layer {
    /** Third-party release dependencies: change rarely. */
    DEPENDENCIES("dependencies", "lib"),
    /** Snapshot dependencies from outside the reactor: change more often. */
    SNAPSHOT_DEPENDENCIES("snapshot-dependencies", "snapshot-lib"),
    /** Jars of other modules of the same reactor. */
    MODULES("modules", "modules"),
    /** The module's own artifact: changes with every commit. */
    APPLICATION("application", "app");

    private final String id;
    private final String imageDirectory;

    Layer(String id, String imageDirectory) {
        this.id = id;
        this.imageDirectory = imageDirectory;
    }

    /** @return the layer's name in the data model and its context directory {@code layers/<id>}. */
    public String id() {
        return id;
    }

    /** @return the directory, relative to the image's work directory, the layer is copied to. */
    public String imageDirectory() {
        return imageDirectory;
    }

    /** @return the context-relative directory of this layer, e.g. {@code layers/dependencies}. */
    public String contextDirectory() {
        return "layers/" + id;
    }
}
