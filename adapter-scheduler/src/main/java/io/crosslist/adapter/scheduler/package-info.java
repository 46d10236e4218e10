/**
 * Scheduler adapter: recurring work over all tenants (clean-ups, keep-alives, polling). Placeholder
 * until the scheduler issue; it will depend on application only, never on another adapter.
 */
package io.crosslist.adapter.scheduler;
