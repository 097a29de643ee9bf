package org.unspin.spark;

import org.apache.spark.util.AccumulatorV2;
import org.unspin.records.HostProfiles;

/**
 * {@link HostSamples} as a Spark accumulator: each task adds the pages it checked, the driver merges
 * the parts. A task that Spark ran twice may count its pages twice (its texts are kept once per
 * input place, as the merge keeps the first texts in input order per host).
 */
final class HostSampleAccumulator extends AccumulatorV2<HostSampleAccumulator.Page, HostSamples> {
  private static final long serialVersionUID = 1L;

  /** One checked page of a host. */
  record Page(String host, boolean spun, String text, long order) {}

  private HostSamples samples;

  HostSampleAccumulator(HostProfiles.Config config) {
    this.samples = new HostSamples(config);
  }

  @Override
  public boolean isZero() {
    return samples.isEmpty();
  }

  @Override
  public AccumulatorV2<Page, HostSamples> copy() {
    HostSampleAccumulator c = new HostSampleAccumulator(samples.config());
    c.samples.merge(samples);
    return c;
  }

  @Override
  public void reset() {
    samples = new HostSamples(samples.config());
  }

  @Override
  public void add(Page p) {
    samples.add(p.host(), p.spun(), p.text(), p.order());
  }

  @Override
  public void merge(AccumulatorV2<Page, HostSamples> other) {
    samples.merge(other.value());
  }

  @Override
  public HostSamples value() {
    return samples;
  }
}
