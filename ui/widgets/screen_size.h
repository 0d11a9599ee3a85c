// Window sizes that follow the screen they open on, for first starts (later ones restore what the
// user left).
#pragma once

#include <QGuiApplication>
#include <QScreen>
#include <QSize>
#include <QWidget>

namespace runlens::ui {

/// A share of the available screen area of `widget`'s screen (the primary one if it has none yet),
/// never below `minimum` nor above the screen.
inline QSize screenShare(const QWidget* widget, double width, double height, QSize minimum) {
    const QScreen* screen =
        widget && widget->screen() ? widget->screen() : QGuiApplication::primaryScreen();
    if (!screen) return minimum;
    const QSize available = screen->availableGeometry().size();
    return QSize(int(available.width() * width), int(available.height() * height))
        .expandedTo(minimum)
        .boundedTo(available);
}

}  // namespace runlens::ui
