package dev.computestudio.infra.runner.docker;

/** The images the Docker runner uses: one for node containers, one for jobs that name none. */
public record DockerImages(String nodeImage, String defaultJobImage) {
}
