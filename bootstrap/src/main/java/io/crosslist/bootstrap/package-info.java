/**
 * The composition root: builds the Guice injector from the adapters' modules and {@link
 * io.crosslist.bootstrap.CrosslistModule}, reads configuration, and runs the command line.
 */
package io.crosslist.bootstrap;
