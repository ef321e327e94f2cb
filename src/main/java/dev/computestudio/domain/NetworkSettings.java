package dev.computestudio.domain;

/** Virtual network placement; recorded and shown, but it changes nothing on one machine. */
public record NetworkSettings(String vnetName, String subnet) {

    public static final NetworkSettings NONE = new NetworkSettings(null, null);
}
