/**
 * Crosslist use cases. Each use case is an in-port interface under {@code ..port.in} implemented by a
 * plain class under {@code ..service}; the classes reach storage only through domain out-ports and
 * {@link io.crosslist.application.port.out.UnitOfWork}. The tenant is always an explicit argument.
 */
package io.crosslist.application;
