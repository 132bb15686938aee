// The two plots, as gnuplot scripts with their data inline (so a script
// alone redraws its PNG): GFLOP/s per problem with one series per
// implementation, and convjit's speedup over the fastest peer. One panel
// per suite and data type (rows) and thread count (columns).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "bench/results.hpp"

namespace convjit::bench {
namespace {

// Colours and point types by implementation index, the same in both plots.
const char* kColours[] = {"#d62728", "#1f77b4", "#17becf", "#2ca02c", "#7f7f7f", "#9467bd",
                          "#ff7f0e", "#8c564b"};
const int kPoints[] = {7, 5, 4, 9, 6, 13, 11, 3};

struct Panel {
  std::string suite, dt;
  int threads = 1;
  std::vector<const Row*> rows;
  std::string title() const {
    return suite + " " + dt + ", " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
  }
};

struct Layout {
  std::vector<std::pair<std::string, std::string>> groups;  // (suite, dt), in order of appearance
  std::vector<int> threads;                                 // sorted
  std::map<std::tuple<std::string, std::string, int>, Panel> panels;
};

bool ran(const Row& row) {
  return std::any_of(row.impls.begin(), row.impls.end(),
                     [](const ImplResult& x) { return x.status != Status::not_run; });
}

Layout layout_of(const Report& r) {
  Layout l;
  for (const Row& row : r.rows) {
    if (!ran(row)) continue;
    const std::string dt(to_string(row.problem.desc.dt));
    const auto group = std::make_pair(row.problem.suite, dt);
    if (std::find(l.groups.begin(), l.groups.end(), group) == l.groups.end()) l.groups.push_back(group);
    if (std::find(l.threads.begin(), l.threads.end(), row.threads) == l.threads.end())
      l.threads.push_back(row.threads);
    Panel& p = l.panels[{row.problem.suite, dt, row.threads}];
    p.suite = row.problem.suite;
    p.dt = dt;
    p.threads = row.threads;
    p.rows.push_back(&row);
  }
  std::sort(l.threads.begin(), l.threads.end());
  return l;
}

// "resnet_50:res2a_branch1*4" -> "res2a_branch1*4"; quotes would end the label.
std::string label_of(const std::string& name) {
  std::string s = name.substr(name.find(':') == std::string::npos ? 0 : name.find(':') + 1);
  std::replace(s.begin(), s.end(), '"', '\'');
  return '"' + s + '"';
}

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

void header(std::ostream& gp, const std::string& png, const Layout& l, const std::string& title) {
  const int cols = static_cast<int>(l.threads.size()), rows = static_cast<int>(l.groups.size());
  gp << "set terminal pngcairo size " << 900 * cols << "," << 80 + 420 * rows
     << " font \"DejaVu Sans,10\" noenhanced\n"
     << "set output \"" << png << "\"\n"
     << "set multiplot layout " << rows << "," << cols << " title \"" << title
     << "\" font \",14\"\n"
     << "set logscale y\nset format y \"%g\"\nset grid ytics mytics lc rgb \"#dddddd\"\n"
     << "set xtics rotate by 40 right font \",8\"\nset bmargin 8\nset style fill solid 0.8\n"
     << "set key outside right top Left reverse font \",9\"\nset rmargin 22\n";
}

}  // namespace

std::string write_plots(const std::string& dir, const Report& r) {
  const Layout l = layout_of(r);
  if (l.panels.empty()) return "plots: nothing ran";
  const std::size_t n_impl = r.impl_names.size();
  const std::string gflops_gp = dir + "/gflops.gp", speedup_gp = dir + "/speedup.gp";

  std::ostringstream g, s;
  header(g, dir + "/gflops.png", l, "GFLOP/s per problem (min time; higher is better)");
  header(s, dir + "/speedup.png", l,
         "convjit speedup over the fastest correct peer (its time / convjit's; above 1: convjit is faster)");
  s << "set ytics (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)\n"
    << "unset mytics\n";
  int panel_id = 0;
  for (const auto& group : l.groups) {
    for (int threads : l.threads) {
      auto it = l.panels.find({group.first, group.second, threads});
      if (it == l.panels.end()) {
        g << "set multiplot next\n";
        s << "set multiplot next\n";
        continue;
      }
      const Panel& p = it->second;
      const std::string id = std::to_string(panel_id++);
      // Data: index, label, then GFLOP/s per implementation (NaN: none).
      g << "$g" << id << " << EOD\n";
      s << "$s" << id << " << EOD\n";
      double lo = 0.5, hi = 2;  // the speedup axis always shows 1 with room either side
      for (std::size_t x = 0; x < p.rows.size(); ++x) {
        const Row& row = *p.rows[x];
        g << x << " " << label_of(row.problem.name);
        for (std::size_t i = 0; i < n_impl; ++i)
          g << " " << (row.impls[i].timed() ? num(r.gflops(row, i)) : "NaN");
        g << "\n";
        // Speedup, in the column of the peer it is over (the colour says which).
        const int best = r.best_peer(row);
        s << x << " " << label_of(row.problem.name);
        for (std::size_t i = 1; i < n_impl; ++i)
          s << " "
            << (best == static_cast<int>(i) && row.impls[0].timed()
                    ? num(row.impls[i].min_s() / row.impls[0].min_s())
                    : "NaN");
        if (best > 0 && row.impls[0].timed()) {
          const double v = row.impls[best].min_s() / row.impls[0].min_s();
          lo = std::min(lo, v / 1.5);
          hi = std::max(hi, v * 1.5);
        }
        s << "\n";
      }
      g << "EOD\n";
      s << "EOD\n";
      std::string xr = "set xrange [-0.6:";
      xr += std::to_string(p.rows.size());
      xr += "-0.4]\n";
      g << "set title \"" << p.title() << "\"\n" << xr << "set ylabel \"GFLOP/s\"\nset yrange [*:*]\nplot ";
      for (std::size_t i = 0; i < n_impl; ++i) {
        g << (i ? ", \\\n     " : "") << "$g" << id << " using 1:" << i + 3
          << (i == 0 ? ":xtic(2)" : "") << " with linespoints lw " << (i == 0 ? 2.5 : 1.2)
          << " dt " << (i == 0 ? "1" : "3") << " pt " << kPoints[i % 8] << " ps "
          << (i == 0 ? 1.4 : 1.0) << " lc rgb \"" << kColours[i % 8] << "\" title \""
          << r.impl_names[i] << "\"";
      }
      g << "\n";
      s << "set title \"" << p.title() << "\"\n" << xr
        << "set ylabel \"speedup\"\nset yrange [" << num(lo) << ":" << num(hi) << "]\nplot 1 with lines lc rgb \"black\" dt 2 notitle";
      for (std::size_t i = 1; i < n_impl; ++i) {
        // Bars from 1 to the speedup, so a slowdown hangs below the line.
        std::string v = "$";
        v += std::to_string(i + 2);
        s << ", \\\n     $s" << id << " using 1:" << i + 2 << ":($1-0.35):($1+0.35):(1):(" << v
          << ")" << (i == 1 ? ":xtic(2)" : "") << " with boxxyerror lc rgb \"" << kColours[i % 8]
          << "\" title \"over " << r.impl_names[i] << "\"";
        s << ", \\\n     $s" << id << " using 1:" << i + 2 << ":(sprintf(\"%.2f\", $" << i + 2
          << ")) with labels offset 0,0.6 font \",7\" notitle";
      }
      s << "\n";
    }
  }
  g << "unset multiplot\n";
  s << "unset multiplot\n";
  std::ofstream(gflops_gp) << g.str();
  std::ofstream(speedup_gp) << s.str();

  if (std::system("command -v gnuplot > /dev/null 2>&1") != 0)
    return "plots: gnuplot is not installed; wrote " + gflops_gp + " and " + speedup_gp;
  const int rc1 = std::system(("gnuplot \"" + gflops_gp + "\"").c_str());
  const int rc2 = std::system(("gnuplot \"" + speedup_gp + "\"").c_str());
  if (rc1 != 0 || rc2 != 0) return "plots: gnuplot failed on " + gflops_gp + " or " + speedup_gp;
  return "plots: " + dir + "/gflops.png, " + dir + "/speedup.png";
}

}  // namespace convjit::bench
