// The enlarged image of a viewer dialog (table cells, media panels): a label that shows an image
// scaled to fit, small images (28 px digits) scaled without smoothing so their pixels stay
// visible, and a selectable caption under it.
#pragma once

#include <QImage>
#include <QLabel>
#include <QObject>

namespace runlens::ui {

/// A label for the image, at least 256 px square.
inline QLabel* makeImageLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumSize(256, 256);
    return label;
}

/// A centred, selectable caption label.
inline QLabel* makeCaptionLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// Shows `image` in `label`, fitted to the label's size; a message when it could not be read.
inline void showFitted(QLabel* label, const QImage& image) {
    if (image.isNull()) {
        label->setText(QObject::tr("This image cannot be read."));
        return;
    }
    const QSize room = label->size().expandedTo(QSize(256, 256));
    const bool small = image.width() * 2 <= room.width() && image.height() * 2 <= room.height();
    label->setPixmap(QPixmap::fromImage(image.scaled(
        room, Qt::KeepAspectRatio, small ? Qt::FastTransformation : Qt::SmoothTransformation)));
}

}  // namespace runlens::ui
