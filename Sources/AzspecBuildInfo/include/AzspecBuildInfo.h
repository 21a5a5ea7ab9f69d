#ifndef AZSPEC_BUILD_INFO_H
#define AZSPEC_BUILD_INFO_H

/// The commit azspec was built from (40 or fewer lowercase hex digits), or "" when the build did not say: Package.swift
/// passes AZSPEC_COMMIT from the environment (scripts/release.sh and the GitHub Action set it).
const char *azspec_build_commit(void);

#endif
