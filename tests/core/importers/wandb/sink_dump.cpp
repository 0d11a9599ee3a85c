// dumpSink: MemorySink -> canonical text.
#include "tests/core/importers/wandb/sink_dump.h"

#include <sstream>

namespace runlens::test::wandb {
namespace {

std::string num(double v) {
    return formatNumber(v);
}

void dumpSeries(std::ostringstream& out, const std::string& label,
                const std::map<std::string, Series>& series) {
    for (const auto& [key, s] : series) {
        out << label << ' ' << key << ' ' << s.size() << '\n';
        for (std::size_t i = 0; i < s.size(); ++i)
            out << "  " << s.steps[i] << ' ' << num(s.times[i]) << ' ' << num(s.values[i]) << '\n';
    }
}

}  // namespace

std::string dumpSink(const MemorySink& sink, DumpOptions options) {
    std::ostringstream out;
    for (const auto& [id, r] : sink.runs) {
        const RunInfo& i = r.info;
        out << "run " << id << ' ' << i.uid << " project=" << i.project << " entity=" << i.entity
            << " name=" << i.name << " group=" << i.group << " job=" << i.jobType
            << " notes=" << i.notes << " state=" << toString(i.state)
            << " exit=" << (i.exitCode ? std::to_string(*i.exitCode) : "-")
            << " start=" << num(i.startTime) << " end=" << num(i.endTime)
            << " runtime=" << num(i.runtime) << " host=" << i.host << " os=" << i.os
            << " python=" << i.pythonVersion << " gpu=" << i.gpu << " git=" << i.gitCommit << '@'
            << i.gitRemote << " dirty=" << (i.gitDirty ? (*i.gitDirty ? "y" : "n") : "-")
            << " cmd=" << i.command << " sweep=" << i.sweepUid << " format=" << i.sourceFormat
            << " finished=" << r.finished << '\n';
        for (const auto& t : i.tags)
            out << " tag " << t << '\n';
        for (const auto& [k, v] : r.config)
            out << " config " << k << '=' << int(v.type()) << ':' << v.toDisplayString() << '\n';
        for (const auto& [k, v] : r.summary)
            out << " summary " << k << '=' << int(v.type()) << ':' << v.toDisplayString() << '\n';
        dumpSeries(out, " metric", r.metrics);
        dumpSeries(out, " system", r.systemMetrics);
        for (const auto& c : r.console)
            out << " console " << int(c.stream) << ' ' << num(c.time) << ' ' << c.text << '\n';
        for (const auto& [key, steps] : r.stepMedia)
            for (const auto& [step, images] : steps) {
                out << " media " << key << '@' << step << ':';
                for (const auto& image : images)
                    out << ' ' << image.media << " [" << image.caption << ']';
                out << '\n';
            }
        for (const auto& t : r.tables) {
            out << " table " << t.name << '@' << t.step << " rows=" << t.rowCount() << '\n';
            for (const auto& c : t.columns) {
                out << "  column " << c.name << ' ' << toString(c.type) << ':';
                for (double d : c.numbers)
                    out << ' ' << num(d);
                for (auto n : c.ints)
                    out << ' ' << n;
                for (const auto& s : c.strings)
                    out << " [" << s << ']';
                for (const auto& a : c.arrays) {
                    out << " (";
                    for (double d : a)
                        out << num(d) << ' ';
                    out << ')';
                }
                out << '\n';
            }
        }
        if (options.notes)
            for (const auto& n : r.notes)
                out << " note " << int(n.level) << ' ' << n.message << '\n';
    }
    for (std::size_t i = 0; i < sink.media.size(); ++i)
        out << "media " << i + 1 << ' ' << sink.media[i].mime << ' ' << sink.media[i].width << 'x'
            << sink.media[i].height << ' ' << sink.media[i].bytes.size() << '\n';
    for (const auto& a : sink.artifacts) {
        out << "artifact " << a.name << ':' << a.version << " type=" << a.type << " size=" << a.size
            << " producer=" << a.producerRunUid << " files=" << a.files.size();
        for (const auto& c : a.consumerRunUids)
            out << " consumer=" << c;
        out << '\n';
    }
    for (const auto& s : sink.sweeps)
        out << "sweep " << s.uid << ' ' << s.parametersJson << '\n';
    return out.str();
}

std::string firstDifference(const std::string& a, const std::string& b) {
    if (a == b) return {};
    std::istringstream x(a), y(b);
    std::string lx, ly;
    int line = 1;
    for (;; ++line) {
        const bool gx = bool(std::getline(x, lx));
        const bool gy = bool(std::getline(y, ly));
        if (!gx && !gy) break;
        if (!gx || !gy || lx != ly)
            return "line " + std::to_string(line) + ":\n  " + (gx ? lx : "<end>") + "\n  " +
                   (gy ? ly : "<end>");
    }
    return "differ";
}

std::vector<std::string> allNotes(const MemorySink& sink) {
    std::vector<std::string> notes;
    for (const auto& [id, r] : sink.runs)
        for (const auto& n : r.notes)
            notes.push_back(r.info.uid + ": " + n.message);
    return notes;
}

}  // namespace runlens::test::wandb
