package org.mutualis.identity;

/**
 * Whether identity runs in the local/demo mode, where committed demo client secrets and a generated key-encryption
 * key file are acceptable; anywhere else it refuses to start without real ones.
 *
 * @param local whether this is the local/demo mode
 */
public record DeploymentMode(boolean local) {
}
