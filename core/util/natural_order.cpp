// Natural order: leading zeros are ignored in a digit run, a shorter run is the smaller number.
#include "core/util/natural_order.h"

#include <algorithm>
#include <cctype>

namespace runlens {
namespace {

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string_view withoutLeadingZeros(std::string_view s) {
    return s.substr(std::min(s.find_first_not_of('0'), s.size()));
}

}  // namespace

bool naturalLess(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && isDigit(a[ie]))
                ++ie;
            while (je < b.size() && isDigit(b[je]))
                ++je;
            const std::string_view x = withoutLeadingZeros(a.substr(i, ie - i));
            const std::string_view y = withoutLeadingZeros(b.substr(j, je - j));
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

}  // namespace runlens
