/**
 * Marketplace adapter: implementations of the {@code MarketplaceGateway} out-port. It ships {@link
 * io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway}, a simulated marketplace for tests,
 * demos and benchmarks; real Vinted, eBay and Etsy clients belong here too.
 */
package io.crosslist.adapter.marketplace;
