interface ConfusionTableProps {
  caption: string;
  corner: string;
  labels: string[];
  counts: number[][];
}

/** A learner's answers as an accessible table: rows are what it was, columns what they chose. */
export function ConfusionTable({ caption, corner, labels, counts }: ConfusionTableProps) {
  return (
    <table className="confusion">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
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
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
