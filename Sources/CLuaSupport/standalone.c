/* standalone.c: what lua.c does for its command line, where it must happen
** in C to read the same. */
#include "internal.h"

/* lua.c's dolibrary: global = require(module), for -l. require is called
** from this C function, as lua.c calls it from pmain: its error names no
** position of a caller, and the traceback ends "[C]: in function 'require'",
** "[C]: in ?", as there. The module's value goes straight into the global. */
int cl_require_global(lua_State *L) {
  const char *global = luaL_checkstring(L, 1);
  luaL_checkstring(L, 2);
  lua_getglobal(L, "require");
  lua_pushvalue(L, 2);
  lua_call(L, 1, 1);
  lua_setglobal(L, global);
  return 0;
}
