import { useCallback, useState } from 'react';
import { Button, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { countBySeverity, type CheckResult, type Issue } from '../core';
import { checkOpenWorkbook, isExcelAvailable, selectCell } from '../office/runCheck';
import { EXCEL_UNAVAILABLE_MESSAGE, describeCheckFailure, describeSelectFailure } from './format';
import { ErrorBar } from './components/ErrorBar';
import { IssueList } from './components/IssueList';
import { IssueSummary } from './components/IssueSummary';

type CheckState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly result: CheckResult }
  | { readonly kind: 'failed'; readonly message: string };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

export function App() {
  const styles = useStyles();
  // Decided once: the page does not move into or out of Excel while it is open.
  const [excelAvailable] = useState(isExcelAvailable);
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const [selectError, setSelectError] = useState<string | null>(null);

  const runCheck = useCallback(async () => {
    setState({ kind: 'running' });
    setSelectError(null);
    try {
      setState({ kind: 'done', result: await checkOpenWorkbook() });
    } catch (error) {
      console.error('XếpLoại: check failed', error);
      setState({ kind: 'failed', message: describeCheckFailure(error) });
    }
  }, []);

  const goToIssue = useCallback(async (issue: Issue) => {
    if (issue.cell === null) return;
    setSelectError(null);
    try {
      await selectCell(issue.sheet, issue.cell);
    } catch (error) {
      console.error('XếpLoại: could not select', issue.sheet, issue.cell, error);
      setSelectError(describeSelectFailure(issue.sheet, issue.cell, error));
    }
  }, []);

  const running = state.kind === 'running';

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">XếpLoại</Title3>
        <Text size={200}>Kiểm tra sổ tính đánh giá, xếp loại đảng viên đang mở và chỉ ra ô cần sửa.</Text>
      </header>

      {excelAvailable ? null : <ErrorBar title="Chưa mở trong Excel" message={EXCEL_UNAVAILABLE_MESSAGE} intent="warning" />}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!excelAvailable || running} onClick={() => void runCheck()}>
          Kiểm tra
        </Button>
        {running ? <Spinner size="tiny" label="Đang kiểm tra…" /> : null}
      </div>

      {state.kind === 'failed' ? <ErrorBar title="Kiểm tra không thành công" message={state.message} /> : null}
      {selectError ? <ErrorBar title="Không chọn được ô" message={selectError} intent="warning" /> : null}

      {state.kind === 'done' ? <CheckResultView result={state.result} onSelect={(issue) => void goToIssue(issue)} /> : null}
    </main>
  );
}

function CheckResultView({ result, onSelect }: { readonly result: CheckResult; readonly onSelect: (issue: Issue) => void }) {
  const { errors, warnings } = countBySeverity(result.issues);
  return (
    <>
      <IssueSummary errors={errors} warnings={warnings} chiBo={result.chiBo} />
      <IssueList issues={result.issues} onSelect={onSelect} />
    </>
  );
}
