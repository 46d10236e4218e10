/**
 * The application ({@code crosslist.jar}): the command line, configuration, the embedded PostgreSQL of the demo,
 * the logging backend and the Prometheus endpoint, over the library's {@link io.crosslist.library.CrosslistModule}
 * and {@link io.crosslist.library.CrosslistRuntime}. Nothing depends on it.
 */
package io.crosslist.bootstrap;
