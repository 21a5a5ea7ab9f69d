#include "AzspecBuildInfo.h"

#ifndef AZSPEC_COMMIT
#define AZSPEC_COMMIT ""
#endif

const char *azspec_build_commit(void) { return AZSPEC_COMMIT; }
