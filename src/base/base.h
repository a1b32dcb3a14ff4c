#pragma once
// The base stage: units, geometry, source files and locations, diagnostics, errors,
// UTF-8 and small C-interop helpers. Depends on the standard library only.
#include "base/c_handle.h"
#include "base/color.h"
#include "base/contact.h"
#include "base/diagnostics.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/source.h"
#include "base/spelling.h"
#include "base/units.h"
#include "base/utf8.h"
