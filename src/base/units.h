#pragma once
// Lengths in PostScript points (1/72 in). One strong type so a font unit, a pixel
// or a bare double can never be mistaken for a length: there is no implicit
// conversion and no Pt * Pt (an area is not a length).
#include <cmath>
#include <compare>

namespace cvpress {

class Pt {
 public:
  constexpr Pt() = default;
  constexpr explicit Pt(double points) : v_(points) {}

  [[nodiscard]] constexpr double value() const { return v_; }
  [[nodiscard]] static constexpr Pt zero() { return Pt(0); }
  [[nodiscard]] static constexpr Pt mm(double v) { return Pt(v * 72.0 / 25.4); }
  [[nodiscard]] static constexpr Pt inch(double v) { return Pt(v * 72.0); }

  constexpr Pt operator-() const { return Pt(-v_); }
  constexpr Pt& operator+=(Pt o) {
    v_ += o.v_;
    return *this;
  }
  constexpr Pt& operator-=(Pt o) {
    v_ -= o.v_;
    return *this;
  }
  constexpr Pt& operator*=(double k) {
    v_ *= k;
    return *this;
  }
  friend constexpr Pt operator+(Pt a, Pt b) { return Pt(a.v_ + b.v_); }
  friend constexpr Pt operator-(Pt a, Pt b) { return Pt(a.v_ - b.v_); }
  friend constexpr Pt operator*(Pt a, double k) { return Pt(a.v_ * k); }
  friend constexpr Pt operator*(double k, Pt a) { return Pt(a.v_ * k); }
  friend constexpr Pt operator/(Pt a, double k) { return Pt(a.v_ / k); }
  /// The ratio of two lengths is a plain number.
  friend constexpr double operator/(Pt a, Pt b) { return a.v_ / b.v_; }
  friend constexpr auto operator<=>(Pt a, Pt b) = default;

 private:
  double v_ = 0;
};

[[nodiscard]] constexpr Pt max(Pt a, Pt b) { return a < b ? b : a; }
[[nodiscard]] constexpr Pt min(Pt a, Pt b) { return b < a ? b : a; }
[[nodiscard]] inline Pt abs(Pt a) { return Pt(std::fabs(a.value())); }

/// A point; layout's y axis points down from the top of the page (the PDF stage flips it once).
struct Point {
  Pt x, y;
  friend constexpr bool operator==(const Point&, const Point&) = default;
};

struct Size {
  Pt width, height;
  friend constexpr bool operator==(const Size&, const Size&) = default;
};

/// An axis-aligned rectangle: top-left corner plus size, y down.
struct Rect {
  Pt x, y, width, height;
  [[nodiscard]] constexpr Pt right() const { return x + width; }
  [[nodiscard]] constexpr Pt bottom() const { return y + height; }
  friend constexpr bool operator==(const Rect&, const Rect&) = default;
};

struct Insets {
  Pt top, right, bottom, left;
  friend constexpr bool operator==(const Insets&, const Insets&) = default;
};

}  // namespace cvpress
