// RunMetadataView: metadata values are read-only line edits (copyable, never widen the dialog);
// the command line and notes wrap over up to four lines.
#include "ui/dialogs/run_detail/run_metadata_view.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/format.h"

namespace runlens::ui {
namespace {

constexpr int kMaxWrappedLines = 4;

/// A read-only text that wraps anywhere and grows with its content up to kMaxWrappedLines.
class WrappingField : public QPlainTextEdit {
public:
    explicit WrappingField(QWidget* parent) : QPlainTextEdit(parent) {
        setReadOnly(true);
        setFrameShape(QFrame::NoFrame);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        document()->setDocumentMargin(1);
        connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
                this, [this] { fitHeight(); });
        fitHeight();
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QPlainTextEdit::resizeEvent(event);
        fitHeight();
    }

private:
    void fitHeight() {
        // QPlainTextDocumentLayout measures its height in lines.
        const int lines =
            std::clamp(int(std::ceil(document()->documentLayout()->documentSize().height())), 1,
                       kMaxWrappedLines);
        const int height = lines * fontMetrics().lineSpacing() +
                           2 * int(document()->documentMargin()) + 2 * frameWidth() + 2;
        if (height != this->height()) setFixedHeight(height);
    }
};

void makeFlat(QWidget* field) {
    QPalette palette = field->palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    field->setPalette(palette);
}

QString timeToolTip(double unixSeconds) {
    if (std::isnan(unixSeconds)) return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(unixSeconds * 1000.0))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

}  // namespace

RunMetadataView::RunMetadataView(QWidget* parent) : QWidget(parent) {
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("runName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.35);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("runState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* header = new QHBoxLayout;
    header->addWidget(m_name);
    header->addSpacing(12);
    header->addWidget(m_state);
    header->addStretch();

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(2, 80);
    int row = 0;
    addField(grid, row, 0, "project", tr("Project"));
    addField(grid, row++, 2, "start", tr("Start"));
    addField(grid, row, 0, "group", tr("Group"));
    addField(grid, row++, 2, "end", tr("End"));
    addField(grid, row, 0, "jobType", tr("Job type"));
    addField(grid, row++, 2, "runtime", tr("Runtime"));
    addField(grid, row, 0, "tags", tr("Tags"));
    addField(grid, row++, 2, "host", tr("Host"));
    addField(grid, row, 0, "sweep", tr("Sweep"));
    addField(grid, row++, 2, "os", tr("OS"));
    addField(grid, row, 0, "parent", tr("Parent run"));
    addField(grid, row++, 2, "python", tr("Python"));
    addField(grid, row, 0, "uid", tr("Run ID"), true);
    addField(grid, row++, 2, "gpu", tr("GPU"));
    addField(grid, row, 0, "sourceFormat", tr("Source"));
    addField(grid, row++, 2, "sourcePath", tr("Source path"));

    // Git: the commit with its dirty flag beside it (so copying the hash copies only the hash).
    auto* commit = addField(grid, row, 0, "gitCommit", tr("Git commit"), true);
    m_gitCommit = commit;
    grid->removeWidget(commit);
    m_gitDirty = new QLabel(this);
    m_gitDirty->setObjectName(QStringLiteral("gitDirty"));
    QFont badgeFont = m_gitDirty->font();
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
    m_gitDirty->setFont(badgeFont);
    auto* commitRow = new QHBoxLayout;
    commitRow->setSpacing(6);
    commitRow->addWidget(commit, 1);
    commitRow->addWidget(m_gitDirty);
    commitRow->addStretch();
    grid->addLayout(commitRow, row, 1);
    addField(grid, row++, 2, "gitRemote", tr("Git remote"));
    addLongField(grid, row++, "command", tr("Command"), true);
    addLongField(grid, row++, "notes", tr("Notes"), false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addLayout(grid);
}

QLineEdit* RunMetadataView::addField(QGridLayout* grid, int row, int column, const QString& field,
                                     const QString& label, bool monospace) {
    auto* title = new QLabel(label + QLatin1Char(':'), this);
    title->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    title->setForegroundRole(QPalette::PlaceholderText);
    auto* value = new QLineEdit(this);
    value->setObjectName(QStringLiteral("meta-") + field);
    value->setReadOnly(true);
    value->setFrame(false);
    value->setPlaceholderText(QStringLiteral("—"));
    value->setMinimumWidth(120);
    if (monospace) value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    makeFlat(value);
    title->setBuddy(value);
    grid->addWidget(title, row, column);
    grid->addWidget(value, row, column + 1);
    m_fields.insert(field, value);
    return value;
}

QPlainTextEdit* RunMetadataView::addLongField(QGridLayout* grid, int row, const QString& field,
                                              const QString& label, bool monospace) {
    auto* title = new QLabel(label + QLatin1Char(':'), this);
    title->setAlignment(Qt::AlignRight | Qt::AlignTop);
    title->setForegroundRole(QPalette::PlaceholderText);
    title->setContentsMargins(0, 2, 0, 0);
    auto* value = new WrappingField(this);
    value->setObjectName(QStringLiteral("meta-") + field);
    value->setPlaceholderText(QStringLiteral("—"));
    if (monospace) value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    makeFlat(value);
    grid->addWidget(title, row, 0);
    grid->addWidget(value, row, 1, 1, 3);
    m_fields.insert(field, value);
    return value;
}

void RunMetadataView::setField(const QString& field, const QString& text, const QString& toolTip) {
    QWidget* widget = m_fields.value(field);
    if (auto* line = qobject_cast<QLineEdit*>(widget)) {
        line->setText(text);
        line->setCursorPosition(0);  // show the start of long values
        line->setToolTip(toolTip.isEmpty() ? text : toolTip);
    } else if (auto* box = qobject_cast<QPlainTextEdit*>(widget)) {
        box->setPlainText(text);
    }
}

QString RunMetadataView::fieldText(const QString& field) const {
    QWidget* widget = m_fields.value(field);
    if (auto* line = qobject_cast<QLineEdit*>(widget)) return line->text();
    if (auto* box = qobject_cast<QPlainTextEdit*>(widget)) return box->toPlainText();
    return {};
}

QString RunMetadataView::headerText() const {
    return m_name->text();
}
QString RunMetadataView::stateText() const {
    return m_state->text();
}

void RunMetadataView::setDetails(const RunDetails& details) {
    const RunInfo& info = details.info;
    m_name->setText(q(displayName(info)));

    QString state = ui::stateText(info.state);
    if (info.exitCode) state += tr(" · exit code %1").arg(*info.exitCode);
    if (info.deleted) state += tr(" · deleted in its source");
    m_state->setText(state);

    setField("project", info.entity.empty()
                            ? q(info.project)
                            : q(info.entity) + QStringLiteral(" / ") + q(info.project));
    setField("group", q(info.group));
    setField("jobType", q(info.jobType));
    QStringList tags;
    for (const std::string& tag : info.tags)
        tags << q(tag);
    setField("tags", tags.join(QStringLiteral(", ")));

    QString sweep = q(info.sweepUid);
    QString sweepTip;
    if (details.sweep) {
        const Sweep& s = *details.sweep;
        if (!s.name.empty() && s.name != s.uid)
            sweep = q(s.name) + QStringLiteral(" (") + sweep + ')';
        QStringList parts;
        if (!s.method.empty()) parts << tr("method %1").arg(q(s.method));
        if (!s.metric.empty())
            parts << (s.goal == MetricGoal::Maximize   ? tr("maximize %1")
                      : s.goal == MetricGoal::Minimize ? tr("minimize %1")
                                                       : tr("metric %1"))
                         .arg(q(s.metric));
        if (!parts.isEmpty()) sweep += QStringLiteral(" — ") + parts.join(QStringLiteral(", "));
        sweepTip = sweep;
    }
    setField("sweep", sweep, sweepTip);
    setField("parent",
             details.parentName.empty() || details.parentName == info.parentUid
                 ? q(info.parentUid)
                 : q(details.parentName) + QStringLiteral(" (") + q(info.parentUid) + ')');
    setField("uid", q(info.uid));
    setField("sourceFormat", q(info.sourceFormat));
    setField("sourcePath", q(info.sourcePath));

    setField("start", formatTime(info.startTime), timeToolTip(info.startTime));
    setField("end", formatTime(info.endTime), timeToolTip(info.endTime));
    double runtime = info.runtime;
    if (std::isnan(runtime) && !std::isnan(info.startTime) && !std::isnan(info.endTime))
        runtime = info.endTime - info.startTime;
    QString runtimeText = formatDuration(runtime);
    if (!runtimeText.isEmpty() && info.state == RunState::Running)
        runtimeText += tr(" (still running)");
    setField("runtime", runtimeText,
             std::isnan(runtime) ? QString() : tr("%1 seconds").arg(formatNumber(runtime)));
    setField("host", q(info.host));
    setField("os", q(info.os));
    setField("python", q(info.pythonVersion));
    setField("gpu", q(info.gpu));

    setField("gitCommit", q(info.gitCommit));
    // The dirty flag sits right after the hash rather than at the far end of the column.
    m_gitCommit->setMaximumWidth(
        std::max(60, m_gitCommit->fontMetrics().horizontalAdvance(m_gitCommit->text()) + 16));
    setField("gitRemote", q(info.gitRemote));
    if (!info.gitDirty) {
        m_gitDirty->clear();
        m_gitDirty->setToolTip({});
    } else if (*info.gitDirty) {
        m_gitDirty->setText(tr("dirty"));
        m_gitDirty->setToolTip(tr("The working tree had uncommitted changes when the run started"));
        m_gitDirty->setStyleSheet(QStringLiteral(
            "color: white; background: #c77700; border-radius: 3px; padding: 0 5px;"));
    } else {
        m_gitDirty->setText(tr("clean"));
        m_gitDirty->setToolTip(tr("No uncommitted changes when the run started"));
        m_gitDirty->setStyleSheet(QStringLiteral(
            "color: white; background: #5b8a3c; border-radius: 3px; padding: 0 5px;"));
    }
    setField("command", q(info.command));
    setField("notes", q(info.notes));
}

}  // namespace runlens::ui
