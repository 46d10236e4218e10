package io.crosslist.adapter.marketplace;

/**
 * Marks a gateway that simulates a marketplace instead of calling it ({@link SimulatedMarketplaceGateway},
 * {@link SimulatedOAuthGateway}, {@link SimulatedSessionKeepAlive}): the start log of {@code CrosslistModule} names
 * each gateway in use that carries this mark as simulated, and any other as real. A host's own stand-in (a test
 * double, a sandbox) may carry it too.
 */
public interface SimulatedGateway {}
