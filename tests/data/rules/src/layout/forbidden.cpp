// A layout file that breaks DESIGN §1 twice: the checker must reject it.
#include <hpdf.h>
#include "pdf/pdf.h"
