package dev.computestudio.infra.runner.docker;

/** An image the engine does not have, with how to get it: this machine may reach no registry. */
final class MissingImageException extends RuntimeException {

    MissingImageException(String image, String engineHost) {
        super("image '" + image + "' is not on the Docker engine at " + engineHost + ". Get it with 'docker pull "
                + image + "' where a registry answers, 'docker load -i FILE.tar' from a saved image, or "
                + "'docker import ROOTFS.tar " + image + "' from a root file system; then submit again");
    }
}
