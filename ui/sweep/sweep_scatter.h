// SweepScatter: the target metric against one parameter — log x when the axis is log,
// categories in slots with a little jitter so equal values do not hide each other — points
// coloured like the lines, the runs the brush or the table leave out drawn pale.
#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "core/analysis/sweep_axes.h"
#include "core/model/run_info.h"

namespace runlens::ui {

class SweepScatter : public QWidget {
    Q_OBJECT
public:
    explicit SweepScatter(QWidget* parent = nullptr);

    /// The parameter on x, the target on y, over the same runs; `shown[i]` false draws run i
    /// pale (brushed out or not selected). Empty `shown`: every run as itself.
    void setData(analysis::SweepAxis parameter, analysis::SweepAxis target,
                 std::vector<std::uint8_t> shown, bool lowerIsBetter);
    void setShown(std::vector<std::uint8_t> shown);
    const std::string& parameterKey() const { return m_x.key; }
    /// Pixel position of run i (for tests); nullopt when it has no value on either axis.
    std::optional<QPointF> pointOf(std::size_t run) const;

    QSize sizeHint() const override { return {420, 260}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF plotRect() const;

    analysis::SweepAxis m_x;
    analysis::SweepAxis m_y;
    std::vector<std::uint8_t> m_shown;
    bool m_lowerIsBetter = false;
};

}  // namespace runlens::ui
