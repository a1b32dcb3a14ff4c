// A layout file that breaks DESIGN §1 twice: the checker must reject it.
#include "pdf/pdf.h"
#include <hpdf.h>
