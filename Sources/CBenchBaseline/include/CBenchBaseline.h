/* CBenchBaseline: plain C functions the benchmarks compare the Swift bridge against. */
#ifndef CBENCH_BASELINE_H
#define CBENCH_BASELINE_H
#include <lua.h>

/* add(a, b): the same work as the Swift function the benchmark registers. */
int bench_c_add(lua_State *L);
/* A state with the standard library, made the plain C way. */
void bench_c_new_state(void);
/* make_indexed(): a userdata with a C __index that answers 1. */
int bench_c_make_indexed(lua_State *L);
void bench_c_push_indexed_userdata(lua_State *L);
#endif
