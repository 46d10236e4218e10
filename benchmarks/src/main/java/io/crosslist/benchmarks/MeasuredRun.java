package io.crosslist.benchmarks;

/** One measured run of one system in {@link JobsBenchmark}: its rate, and the CPU it spent per job. */
record MeasuredRun(double jobsPerSecond, CpuMeter.Reading cpu) {}
