interface ConfusionTableProps {
  caption: string;
  corner: string;
  labels: string[];
  /** Column heads short enough for a phone; the full label stays the heading for screen readers. */
  shortLabels?: string[];
  counts: number[][];
  /** Row percentages shown after each count (a class's table), when given. */
  percents?: number[][];
}

/** A learner's answers as an accessible table: rows are what it was, columns what they chose. */
export function ConfusionTable({ caption, corner, labels, shortLabels, counts, percents }: ConfusionTableProps) {
  return (
    <table className="confusion">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {labels.map((label, i) => (
            <th key={label} scope="col">
              {shortLabels ? (
                <>
                  <span aria-hidden="true">{shortLabels[i]}</span>
                  <span className="visually-hidden">{label}</span>
                </>
              ) : (
                label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counts.map((row, actual) => (
          <tr key={labels[actual]}>
            <th scope="row">{labels[actual]}</th>
            {row.map((n, chosen) => (
              <td key={labels[chosen]} className={actual === chosen ? 'confusion__right' : n ? 'confusion__wrong' : undefined}>
                {percents ? `${n} (${percents[actual][chosen]}%)` : n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
