int cadence_bench_dummy;
