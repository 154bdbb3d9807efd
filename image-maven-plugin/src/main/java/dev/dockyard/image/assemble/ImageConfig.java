package dev.dockyard.image.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Docker image configuration the final stage ends with: its base's configuration, then what each instruction
 * sets, in the fields Docker's own builder writes ({@code Healthcheck} and {@code StopSignal} included), a history
 * entry per instruction and the layers' diff IDs. Every time in it is the one fixed time, so the same instructions
 * and layers give the same bytes, and so the same image id.
 */
final class ImageConfig {

    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode image;
    private final ObjectNode config;
    private final ArrayNode history;
    private final ArrayNode diffIds;
    private boolean cmdSet;

    private ImageConfig(ObjectNode image) {
        this.image = image;
        this.config = image.has("config") && image.get("config").isObject()
                ? (ObjectNode) image.get("config")
                : image.putObject("config");
        this.history = image.has("history") && image.get("history").isArray()
                ? (ArrayNode) image.get("history")
                : image.putArray("history");
        ObjectNode rootfs = image.has("rootfs") && image.get("rootfs").isObject()
                ? (ObjectNode) image.get("rootfs")
                : image.putObject("rootfs");
        rootfs.put("type", "layers");
        this.diffIds = rootfs.has("diff_ids") && rootfs.get("diff_ids").isArray()
                ? (ArrayNode) rootfs.get("diff_ids")
                : rootfs.putArray("diff_ids");
        // the build's own fields, as the engine writes them for a new image
        image.remove(List.of("container", "container_config", "docker_version", "parent", "id"));
        config.remove("Image");
        if (!config.has("Env") || !config.get("Env").isArray()) {
            config.putArray("Env");
        }
        boolean hasPath = false;
        for (JsonNode entry : config.get("Env")) {
            hasPath |= entry.asText().startsWith("PATH=");
        }
        if (!hasPath) {
            ((ArrayNode) config.get("Env")).add(DEFAULT_PATH);
        }
    }

    /** An image with no base ({@code FROM scratch}) for {@code os/architecture[/variant]}. */
    static ImageConfig scratch(String platform) {
        ObjectNode image = NODES.objectNode();
        String[] parts = platform.split("/");
        image.put("architecture", parts.length > 1 ? parts[1] : "amd64");
        image.put("os", parts[0]);
        if (parts.length > 2) {
            image.put("variant", parts[2]);
        }
        return new ImageConfig(image);
    }

    /** An image on the base whose configuration JSON is {@code base}. */
    static ImageConfig onBase(byte[] base) throws java.io.IOException {
        JsonNode node = JSON.readTree(base);
        if (!node.isObject()) {
            throw new java.io.IOException("the base image's configuration is not a JSON object");
        }
        return new ImageConfig((ObjectNode) node);
    }

    /** The base's {@code ONBUILD} triggers: the assembler runs none, so any makes the engine build the stage. */
    boolean hasOnBuild() {
        JsonNode onBuild = config.get("OnBuild");
        return onBuild != null && onBuild.isArray() && !onBuild.isEmpty();
    }

    String workingDir() {
        JsonNode dir = config.get("WorkingDir");
        return dir == null || dir.isNull() ? "" : dir.asText();
    }

    List<String> diffIds() {
        return java.util.stream.StreamSupport.stream(diffIds.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    void env(String name, String value) {
        ArrayNode env = (ArrayNode) config.get("Env");
        String entry = name + "=" + value;
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).asText().startsWith(name + "=")) {
                env.set(i, NODES.textNode(entry));
                return;
            }
        }
        env.add(entry);
    }

    void workingDir(String directory) {
        config.put("WorkingDir", directory);
    }

    void user(String user) {
        config.put("User", user);
    }

    void expose(String port) {
        object("ExposedPorts").putObject(port);
    }

    void volume(String path) {
        object("Volumes").putObject(path);
    }

    void label(String name, String value) {
        object("Labels").put(name, value);
    }

    void stopSignal(String signal) {
        config.put("StopSignal", signal);
    }

    void entrypoint(List<String> words) {
        config.set("Entrypoint", array(words));
        if (!cmdSet) {
            config.putNull("Cmd"); // as the engine does: an ENTRYPOINT drops the base's CMD
        }
    }

    void cmd(List<String> words) {
        config.set("Cmd", array(words));
        cmdSet = true;
    }

    /** {@code test} {@code ["NONE"]} disables a base's check; durations in nanoseconds, 0 for the default. */
    void healthcheck(List<String> test, long interval, long timeout, long startPeriod, int retries) {
        ObjectNode check = NODES.objectNode();
        check.set("Test", array(test));
        if (interval > 0) {
            check.put("Interval", interval);
        }
        if (timeout > 0) {
            check.put("Timeout", timeout);
        }
        if (startPeriod > 0) {
            check.put("StartPeriod", startPeriod);
        }
        if (retries > 0) {
            check.put("Retries", retries);
        }
        config.set("Healthcheck", check);
    }

    /** A step that wrote the layer {@code diffId}. */
    void layer(String diffId, String createdBy, Instant time) {
        diffIds.add(diffId);
        history.addObject().put("created", time.toString()).put("created_by", createdBy);
    }

    /** A step that changed only the configuration. */
    void step(String createdBy, Instant time) {
        history.addObject()
                .put("created", time.toString())
                .put("created_by", createdBy)
                .put("empty_layer", true);
    }

    /** The configuration's bytes: the image id is their SHA-256. */
    byte[] toJson(Instant time) {
        image.put("created", time.toString());
        try {
            return JSON.writeValueAsString(image).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> labels() {
        Map<String, String> labels = new java.util.TreeMap<>();
        object("Labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private ObjectNode object(String field) {
        JsonNode node = config.get(field);
        if (node == null || !node.isObject()) {
            return config.putObject(field);
        }
        return (ObjectNode) node;
    }

    private static ArrayNode array(List<String> words) {
        ArrayNode array = NODES.arrayNode();
        words.forEach(array::add);
        return array;
    }
}
