// Stands for OpenCV missing or half-installed: core.hpp is found but a
// header it needs is not. The bench's OpenCV probe must fail to compile.
#include <opencv2/core/not_installed.hpp>
