package io.crosslist.adapter.persistence;

/**
 * The connection pools at one moment, summed over the tenant lanes: what an operator watches to size
 * the pool ({@code waiting} above zero for long means requests queue for connections).
 *
 * @param lanes how many tenant lanes (pools) there are
 * @param maximum the configured size of all lanes together
 * @param total connections open now
 * @param active connections lent out now
 * @param idle connections open and free
 * @param waiting threads waiting for a connection now
 */
public record PoolStatistics(int lanes, int maximum, int total, int active, int idle, int waiting) {}
