// EnvelopeBuilder: runs per column from points and summaries, emitted as an exact polyline.
#include "core/series/envelope_builder.h"

#include <cmath>
#include <limits>

namespace runlens::series {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An ascending stretch shorter than this is fed point by point: the binary searches of the
// sorted path would cost more than they save.
constexpr std::size_t kMinSortedStretch = 32;

// Up to this many points per column on average, the sorted path scans every point; above, it
// searches column ends and scans only values (measured crossover: between 16 and 64).
constexpr double kDenseColumnPoints = 32;

template <typename X>
bool isPlaceable(X x) {
    if constexpr (std::is_floating_point_v<X>) {
        return !std::isnan(x);
    } else {
        return true;
    }
}

}  // namespace

// Min and max ignoring NaN, and the NaN count. Comparisons with NaN are false, so NaN never
// replaces an accumulator; four independent accumulators keep the loop from waiting on itself.
EnvelopeBuilder::Extremes EnvelopeBuilder::extremesOf(std::span<const double> v) {
    double mn[4] = {kInf, kInf, kInf, kInf};
    double mx[4] = {-kInf, -kInf, -kInf, -kInf};
    std::int64_t nans[4] = {0, 0, 0, 0};
    std::size_t k = 0;
    for (; k + 4 <= v.size(); k += 4) {
        for (int l = 0; l < 4; ++l) {
            const double a = v[k + std::size_t(l)];
            mn[l] = a < mn[l] ? a : mn[l];
            mx[l] = a > mx[l] ? a : mx[l];
            nans[l] += a != a;
        }
    }
    for (; k < v.size(); ++k) {
        const double a = v[k];
        mn[0] = a < mn[0] ? a : mn[0];
        mx[0] = a > mx[0] ? a : mx[0];
        nans[0] += a != a;
    }
    return {std::min(std::min(mn[0], mn[1]), std::min(mn[2], mn[3])),
            std::max(std::max(mx[0], mx[1]), std::max(mx[2], mx[3])),
            nans[0] + nans[1] + nans[2] + nans[3]};
}

EnvelopeBuilder::EnvelopeBuilder(const EnvelopeRequest& request)
    : m_grid(request.x0, request.x1, request.width) {
    m_out.columnCounts.assign(std::size_t(m_grid.width()), 0);
    // Ascending data emits at most four points per column, plus the two neighbours outside.
    m_out.x.reserve(4 * std::size_t(m_grid.width()) + 4);
    m_out.y.reserve(4 * std::size_t(m_grid.width()) + 4);
}

EnvelopeBuilder::Prev EnvelopeBuilder::toPrev(Side side) {
    switch (side) {
        case Side::Left:
            return Prev::Left;
        case Side::Inside:
            return Prev::Inside;
        case Side::Right:
            return Prev::Right;
    }
    return Prev::None;
}

Side EnvelopeBuilder::summarySide(const PointSummary& s) const {
    if (m_grid.side(double(s.stepMax)) == Side::Left) return Side::Left;
    if (m_grid.side(double(s.stepMin)) == Side::Right) return Side::Right;
    return Side::Inside;
}

bool EnvelopeBuilder::summaryInside(const PointSummary& s) const {
    return s.stepMin <= s.stepMax && m_grid.side(double(s.stepMin)) == Side::Inside &&
           m_grid.side(double(s.stepMax)) == Side::Inside;
}

SummaryUse EnvelopeBuilder::classify(const PointSummary& summary, const PointSummary* before,
                                     const PointSummary* after) const {
    if (summary.count <= 0) return SummaryUse::Skip;
    const Side side = summarySide(summary);
    if (side != Side::Inside) {
        auto sameSide = [&](const PointSummary* n) {
            return n == nullptr || (n->count > 0 && summarySide(*n) == side);
        };
        return sameSide(before) && sameSide(after) ? SummaryUse::Skip : SummaryUse::Refine;
    }
    if (summary.count > kMaxPointsKept && summaryInside(summary) &&
        m_grid.column(double(summary.stepMin)) == m_grid.column(double(summary.stepMax))) {
        return SummaryUse::Use;
    }
    return SummaryUse::Refine;
}

std::vector<SummaryUse> EnvelopeBuilder::plan(std::span<const PointSummary> summaries,
                                              const PointSummary* before,
                                              const PointSummary* after) const {
    std::vector<SummaryUse> uses(summaries.size());
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const PointSummary* prev = i > 0 ? &summaries[i - 1] : before;
        const PointSummary* next = i + 1 < summaries.size() ? &summaries[i + 1] : after;
        uses[i] = classify(summaries[i], prev, next);
    }
    return uses;
}

void EnvelopeBuilder::addPoints(std::span<const double> x, std::span<const double> y,
                                XOrder order) {
    addPointsOf(x, y, order);
}

void EnvelopeBuilder::addPoints(std::span<const std::int64_t> steps, std::span<const double> y,
                                XOrder order) {
    addPointsOf(steps, y, order);
}

// Cuts the points into ascending stretches (a resumed run rewinding its step makes a few) and
// takes the fast path on each long one; streaming makes the result the same as point by point.
template <typename X>
void EnvelopeBuilder::addPointsOf(std::span<const X> x, std::span<const double> y, XOrder order) {
    const std::size_t n = std::min(x.size(), y.size());
    if (order == XOrder::Ascending) {
        addSortedPoints(x.first(n), y.first(n));
        return;
    }
    std::size_t i = 0;
    while (i < n) {
        if (!isPlaceable(x[i])) {
            ++i;  // no x: skipped, as addPoint() would
            continue;
        }
        std::size_t j = i + 1;
        while (j < n && isPlaceable(x[j]) && !(x[j] < x[j - 1]))
            ++j;
        if (j - i >= kMinSortedStretch) {
            addSortedPoints(x.subspan(i, j - i), y.subspan(i, j - i));
        } else {
            for (std::size_t k = i; k < j; ++k)
                addPoint(double(x[k]), y[k]);
        }
        i = j;
    }
}

// Same output as addPoint() on every point, without visiting most of them: outside points other
// than the last before the range and the first after it can never be drawn, and a column's long
// run only needs its extremes.
template <typename X>
void EnvelopeBuilder::addSortedPoints(std::span<const X> xs, std::span<const double> y) {
    auto x = [&xs](std::size_t k) { return double(xs[k]); };
    const std::size_t n = xs.size();
    if (n == 0) return;
    auto sideAt = [&](std::size_t k) { return m_grid.side(x(k)); };
    std::size_t lo = 0;  // first point not Left
    std::size_t hi = n;  // first point Right
    {
        std::size_t a = 0, b = n;
        while (a < b) {
            const std::size_t m = a + (b - a) / 2;
            if (sideAt(m) == Side::Left)
                a = m + 1;
            else
                b = m;
        }
        lo = a;
        b = n;
        while (a < b) {
            const std::size_t m = a + (b - a) / 2;
            if (sideAt(m) != Side::Right)
                a = m + 1;
            else
                b = m;
        }
        hi = a;
    }
    // A Left point between two Left points is never drawn: feeding the first and the last of the
    // stretch leaves the same state as feeding all of them. Likewise on the right.
    if (lo > 0) {
        addOutside(x(0), y[0], Side::Left);
        if (lo > 1) addOutside(x(lo - 1), y[lo - 1], Side::Left);
    }
    if (lo < hi) {
        // Few points per column: one pass that computes each point's column and keeps the
        // column's extremes as it goes. Many: find each column's end by search, then scan its
        // values alone (no column arithmetic per point).
        const double columns = double(m_grid.column(x(hi - 1)) - m_grid.column(x(lo)) + 1);
        if (double(hi - lo) <= kDenseColumnPoints * columns)
            scanColumns(xs, y, lo, hi);
        else
            searchColumns(xs, y, lo, hi);
    }
    if (hi < n) {
        addOutside(x(hi), y[hi], Side::Right);
        if (n - 1 > hi) addOutside(x(n - 1), y[n - 1], Side::Right);
    }
}

// One column's points [i, j) (ascending x, all inside): kept as they are when few, else merged
// into the column's run from their extremes.
template <typename X>
void EnvelopeBuilder::addColumn(std::span<const X> xs, std::span<const double> y, int column,
                                std::size_t i, std::size_t j, const Extremes& e) {
    if (std::int64_t(j - i) <= kMaxPointsKept) {
        for (std::size_t k = i; k < j; ++k)
            addPoint(double(xs[k]), y[k]);
        return;
    }
    enterInside();
    mergeBlock(column, std::int64_t(j - i), e.nans, e.min, e.max, y[i], y[j - 1], double(xs[i]),
               double(xs[j - 1]));
}

// Columns wholly inside [lo, hi) other than the first and the last cannot share their run with
// another piece, so they are emitted as they complete, without going through m_run.
template <typename X>
void EnvelopeBuilder::scanColumns(std::span<const X> xs, std::span<const double> y, std::size_t lo,
                                  std::size_t hi) {
    // ColumnGrid::column from locals: the loop writes through m_out, which would otherwise make
    // the grid be re-read at every point.
    const double x0 = m_grid.x0(), scale = m_grid.scale();
    const int last = m_grid.width() - 1;
    const double lastColumn = double(last);
    auto columnOf = [=](double x) {
        const double c = (x - x0) * scale;
        if (!(c > 0)) return 0;  // also NaN, should a broken XOrder promise pass one
        return c < lastColumn ? int(c) : last;
    };
    std::size_t start = lo;
    int current = m_grid.column(double(xs[lo]));
    double mn = kInf, mx = -kInf;
    std::int64_t nans = 0;
    bool first = true;
    for (std::size_t k = lo; k < hi; ++k) {
        const int c = columnOf(double(xs[k]));
        if (c != current) {
            if (first) {
                addColumn(xs, y, current, start, k, Extremes{mn, mx, nans});
                flushRun();
                first = false;
            } else if (std::int64_t(k - start) > kMaxPointsKept) {
                emitReduced(current, std::int64_t(k - start), nans, mn, mx, y[start], y[k - 1],
                            double(xs[start]), double(xs[k - 1]));
            } else {
                double kx[kMaxPointsKept], ky[kMaxPointsKept];
                for (std::size_t q = start; q < k; ++q) {
                    kx[q - start] = double(xs[q]);
                    ky[q - start] = y[q];
                }
                emitKept(current, std::int64_t(k - start), kx, ky);
            }
            current = c;
            start = k;
            mn = kInf;
            mx = -kInf;
            nans = 0;
        }
        const double v = y[k];
        mn = v < mn ? v : mn;  // NaN never replaces an accumulator
        mx = v > mx ? v : mx;
        nans += v != v;
    }
    addColumn(xs, y, current, start, hi, Extremes{mn, mx, nans});
}

template <typename X>
void EnvelopeBuilder::searchColumns(std::span<const X> xs, std::span<const double> y,
                                    std::size_t lo, std::size_t hi) {
    auto x = [&xs](std::size_t k) { return double(xs[k]); };
    std::size_t i = lo;
    while (i < hi) {
        const int c = m_grid.column(x(i));
        // Gallop and bisect to the first point past column c.
        std::size_t below = i + 1;  // every point before `below` is in column <= c
        std::size_t above = hi;
        for (std::size_t step = 8;; step *= 2) {
            const std::size_t probe = i + step;
            if (probe >= hi) break;
            if (m_grid.column(x(probe)) > c) {
                above = probe;
                break;
            }
            below = probe + 1;
        }
        while (below < above) {
            const std::size_t m = below + (above - below) / 2;
            if (m_grid.column(x(m)) <= c)
                below = m + 1;
            else
                above = m;
        }
        const std::size_t j = below;
        addColumn(
            xs, y, c, i, j,
            std::int64_t(j - i) <= kMaxPointsKept ? Extremes{} : extremesOf(y.subspan(i, j - i)));
        i = j;
    }
}

bool EnvelopeBuilder::addSummary(const PointSummary& summary) {
    if (classify(summary, nullptr, nullptr) != SummaryUse::Use) return false;
    enterInside();
    mergeBlock(m_grid.column(double(summary.stepMin)), summary.count, summary.nanCount, summary.min,
               summary.max, summary.first, summary.last, double(summary.stepMin),
               double(summary.stepMax));
    return true;
}

bool EnvelopeBuilder::skipSummary(const PointSummary& summary) {
    if (summary.count <= 0) return true;
    const Side side = summarySide(summary);
    if (side == Side::Inside) return false;
    const Prev own = toPrev(side);
    flushRun();
    resolvePending(own);
    // Its first point follows a point on another side: it would be drawn, but it is not known.
    if (m_last != Prev::None && m_last != own) {
        fail("a summary was skipped although its first point is drawn; refine it");
    }
    m_pending = Pending{true, false, 0.0, 0.0, side, own};
    m_last = own;
    return true;
}

void EnvelopeBuilder::addPoint(double x, double y) {
    if (std::isnan(x)) return;
    const Side side = m_grid.side(x);
    if (side != Side::Inside) {
        addOutside(x, y, side);
        return;
    }
    enterInside();
    const int c = m_grid.column(x);
    if (m_run.column != c) {
        flushRun();
        startRun(c);
    }
    addToRun(x, y);
}

void EnvelopeBuilder::addOutside(double x, double y, Side side) {
    flushRun();
    resolvePending(toPrev(side));
    m_pending = Pending{true, true, x, y, side, m_last};
    m_last = toPrev(side);
}

void EnvelopeBuilder::enterInside() {
    resolvePending(Prev::Inside);
    m_last = Prev::Inside;
}

// An outside point is drawn when its previous or next point is on another side.
void EnvelopeBuilder::resolvePending(Prev next) {
    if (!m_pending.active) return;
    m_pending.active = false;
    const Prev own = toPrev(m_pending.side);
    const bool needed = (m_pending.prev != Prev::None && m_pending.prev != own) ||
                        (next != Prev::None && next != own);
    if (!needed) return;
    if (!m_pending.known) {
        fail("a summary was skipped although its last point is drawn; refine it");
        return;
    }
    emitPoint(m_pending.x, m_pending.y);
}

void EnvelopeBuilder::startRun(int column) {
    m_run.column = column;
    m_run.count = 0;
    m_run.nanCount = 0;
    m_run.min = kInf;
    m_run.max = -kInf;
}

void EnvelopeBuilder::addToRun(double x, double y) {
    Run& r = m_run;
    if (r.count < kMaxPointsKept) {
        r.keptX[r.count] = x;
        r.keptY[r.count] = y;
    }
    if (r.count == 0) {
        r.first = y;
        r.a = r.b = x;
    }
    ++r.count;
    if (std::isnan(y)) {
        ++r.nanCount;
    } else {
        r.min = y < r.min ? y : r.min;
        r.max = y > r.max ? y : r.max;
    }
    r.last = y;
    r.a = std::min(r.a, x);
    r.b = std::max(r.b, x);
}

void EnvelopeBuilder::mergeBlock(int column, std::int64_t count, std::int64_t nanCount, double min,
                                 double max, double first, double last, double a, double b) {
    if (count <= 0) return;
    if (m_run.column != column) {
        flushRun();
        startRun(column);
    }
    Run& r = m_run;
    if (r.count == 0) {
        r.first = first;
        r.a = a;
        r.b = b;
    }
    r.count += count;
    r.nanCount += nanCount;
    if (count > nanCount) {
        r.min = std::min(r.min, min);
        r.max = std::max(r.max, max);
    }
    r.last = last;
    r.a = std::min(r.a, a);
    r.b = std::max(r.b, b);
}

void EnvelopeBuilder::flushRun() {
    Run& r = m_run;
    if (r.count == 0) {
        r.column = -1;
        return;
    }
    if (r.count <= kMaxPointsKept) {
        emitKept(r.column, r.count, r.keptX, r.keptY);
    } else {
        emitReduced(r.column, r.count, r.nanCount, r.min, r.max, r.first, r.last, r.a, r.b);
    }
    r.count = 0;
    r.column = -1;
}

void EnvelopeBuilder::fail(const char* message) {
    if (m_error == nullptr) m_error = message;
}

Result<Envelope> EnvelopeBuilder::finish() {
    flushRun();
    resolvePending(Prev::None);
    Envelope out = std::move(m_out);
    const char* error = m_error;
    m_out = Envelope{};
    m_out.columnCounts.assign(std::size_t(m_grid.width()), 0);
    m_run = Run{};
    m_pending = Pending{};
    m_last = Prev::None;
    m_error = nullptr;
    if (error != nullptr) return makeError(error);
    for (std::size_t i = 1; i < out.x.size(); ++i) {
        if (out.x[i] < out.x[i - 1]) {
            out.ascending = false;
            break;
        }
    }
    return out;
}

}  // namespace runlens::series
