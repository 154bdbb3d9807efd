/**
 * The image assembler: writes the final stage of a rendered Dockerfile itself, so that the same sources give the
 * same image on any engine. {@code COPY} layers are tars with sorted entries, one fixed time, and the owners and
 * modes the engine's own {@code COPY} gives; the image configuration and history carry the same fixed time. Earlier
 * stages (the one that runs jlink) still build on the engine, and what the final stage copies from them is read out
 * of a container that is created but never started. The result goes into the engine as a docker-archive
 * ({@code docker load}), without the layers the engine already has. Reaches the engine only through the
 * {@code engine.Engine} port; knows nothing of Maven.
 */
package dev.dockyard.image.assemble;
